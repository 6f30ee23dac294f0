package org.videoannotator.embed.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.embed.video.shots.ShotDetector;
import org.videoannotator.embed.video.synthetic.SyntheticScripts;
import org.videoannotator.embed.video.synthetic.SyntheticVideo;

class AsyncFrameSinkTest {
  @TempDir Path dir;

  @Test
  void detectionOnAnotherThreadGivesTheSameBoundaries() {
    SyntheticVideo sv = new SyntheticVideo(320, 180, 25, SyntheticVideo.Format.MKV_H264);
    Path file = sv.fileIn(dir, "demo");
    sv.render(SyntheticScripts.demo(11, 6, 25), file);
    ShotDetector direct = new ShotDetector();
    new VideoDecoder().decode(file, DecodeOptions.defaults(), direct.sink());
    ShotDetector threaded = new ShotDetector();
    List<Integer> ends = new CopyOnWriteArrayList<>();
    FrameSink counted =
        new FrameSink() {
          @Override
          public void accept(DecodedFrame f) {
            threaded.accept(f);
          }

          @Override
          public void end(VideoInfo info) {
            ends.add(info.frameCount());
          }
        };
    VideoInfo info =
        new VideoDecoder().decode(file, DecodeOptions.defaults(), new AsyncFrameSink(counted, 4));
    assertEquals(List.of(info.frameCount()), ends, "end() after every frame was processed");
    assertEquals(direct.finish(), threaded.finish());
  }

  @Test
  void aFailureInTheWorkerReachesTheCaller() {
    AsyncFrameSink sink =
        new AsyncFrameSink(
            f -> {
              throw new IllegalStateException("boom at " + f.index());
            },
            2);
    BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> {
              for (int i = 0; i < 100; i++) {
                sink.accept(DecodedFrame.ofImage(i, 0, img));
                Thread.sleep(1);
              }
              sink.finish();
            });
    assertEquals("boom at 0", e.getMessage());
  }
}

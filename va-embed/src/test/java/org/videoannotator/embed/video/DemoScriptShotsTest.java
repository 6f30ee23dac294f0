package org.videoannotator.embed.video;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.videoannotator.embed.video.shots.ShotDetector;
import org.videoannotator.embed.video.synthetic.GroundTruth;
import org.videoannotator.embed.video.synthetic.SyntheticScripts;
import org.videoannotator.embed.video.synthetic.SyntheticVideo;

/**
 * Regression on {@code va demo}'s own kind of video ({@link SyntheticScripts#demo}, 320x180, 24
 * fps, H.264 MP4): the detected boundaries must be the rendered ones, one for one. Seed {@code 7 *
 * 1_000_003 + 1} holds a hard cut between two similar night shots (shake to zoom, frame 568) that
 * scores 0.31, under the absolute cut threshold, over a neighbourhood near 0.002; seed {@code 31 *
 * 1_000_003 + 5} another such cut (frame 151). Both were missed before the quiet-cut rule of {@link
 * ShotDetector}.
 */
@Tag("slow") // renders and decodes the demo script
class DemoScriptShotsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "7000021, 12",
    "7000022, 12",
    "31000098, 14"
  }) // 7 * 1_000_003 + 0, + 1; 31 * 1_000_003 + 5
  void detectedBoundariesAreTheRenderedOnes(long seed, int shots) {
    SyntheticVideo sv = new SyntheticVideo(320, 180, 24, SyntheticVideo.Format.MP4_H264);
    Path file = sv.fileIn(dir, "demo-" + seed);
    GroundTruth truth = sv.render(SyntheticScripts.demo(seed, shots, 24), file);
    ShotDetector detector = new ShotDetector();
    new VideoDecoder().decode(file, DecodeOptions.defaults(), detector.sink());
    List<Transition> found = detector.finish();
    String both = "seed " + seed + ": truth " + truth.transitions() + "\n found " + found;
    assertTrue(found.size() == truth.transitions().size(), both);
    for (int i = 0; i < found.size(); i++) {
      Transition t = truth.transitions().get(i);
      Transition d = found.get(i);
      // same kind (a cut is not a short dissolve); cuts within one frame, gradual ranges overlap
      assertTrue(
          t.isCut() == d.isCut() && BoundaryScore.matches(t, d),
          "boundary " + i + ": truth " + t + ", found " + d + "\n" + both);
    }
  }
}

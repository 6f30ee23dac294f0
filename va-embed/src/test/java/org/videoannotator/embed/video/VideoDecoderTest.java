package org.videoannotator.embed.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videoannotator.core.UserException;
import org.videoannotator.embed.video.synthetic.GroundTruth;
import org.videoannotator.embed.video.synthetic.Scene;
import org.videoannotator.embed.video.synthetic.ShotPlan;
import org.videoannotator.embed.video.synthetic.SyntheticVideo;

class VideoDecoderTest {
  @TempDir Path dir;

  private static final List<ShotPlan> PLAN =
      List.of(
          new ShotPlan(
              new Scene(Scene.Palette.DAY_OUTDOOR, Scene.Framing.WIDE, 3, "", Scene.Camera.PAN, 1),
              12,
              ShotPlan.Entry.CUT),
          new ShotPlan(
              new Scene(
                  Scene.Palette.NIGHT_INDOOR,
                  Scene.Framing.CLOSE,
                  1,
                  "LIVE",
                  Scene.Camera.STATIC,
                  2),
              9,
              ShotPlan.Entry.dissolve(4)),
          new ShotPlan(
              new Scene(Scene.Palette.DAY_INDOOR, Scene.Framing.WIDE, 9, "", Scene.Camera.SHAKE, 3),
              7,
              ShotPlan.Entry.CUT));

  @ParameterizedTest
  @EnumSource(SyntheticVideo.Format.class)
  void decodesEveryFrameOfEachContainerAndCodec(SyntheticVideo.Format format) {
    SyntheticVideo sv = new SyntheticVideo(320, 180, 24, format);
    Path file = sv.fileIn(dir, "clip");
    GroundTruth truth = sv.render(PLAN, file);
    assertEquals(12 + 4 + 9 + 7, truth.frameCount());

    List<Integer> indices = new ArrayList<>();
    int[] size = new int[4];
    VideoInfo info =
        new VideoDecoder()
            .decode(
                file,
                DecodeOptions.defaults(),
                f -> {
                  indices.add(f.index());
                  size[0] = f.width();
                  size[1] = f.height();
                  if (f.index() == 3) {
                    BufferedImage full = f.full();
                    size[2] = full.getWidth();
                    size[3] = full.getHeight();
                  }
                });

    assertEquals(truth.frameCount(), info.frameCount(), format + ": frames decoded");
    for (int i = 0; i < indices.size(); i++) {
      assertEquals(i, indices.get(i));
    }
    assertEquals(320, info.width());
    assertEquals(180, info.height());
    assertEquals(24.0, info.fps(), 0.01);
    assertEquals(160, size[0]);
    assertEquals(90, size[1]);
    assertEquals(320, size[2], "native 180 px short side is below 256: never upscaled");
    assertEquals(180, size[3]);
    assertTrue(info.problems().isEmpty(), info.problems().toString());
    assertTrue(Files.exists(SyntheticVideo.srtFor(file)));
  }

  @Test
  void analysisFrameIsAnAreaAverageAndFullFrameIsDownscaled() throws Exception {
    SyntheticVideo sv = new SyntheticVideo(640, 360, 25, SyntheticVideo.Format.AVI_MPEG4);
    Path file = sv.fileIn(dir, "big");
    sv.render(PLAN.subList(0, 1), file);
    List<DecodedFrame> kept = new ArrayList<>();
    new VideoDecoder()
        .decode(
            file,
            DecodeOptions.defaults().withImageShortSide(90),
            f -> {
              if (f.index() == 5) {
                f.full();
              }
              kept.add(f);
            });
    DecodedFrame f5 = kept.get(5);
    assertEquals(160, f5.full().getWidth(), "full() is cached from inside accept");
    assertEquals(90, f5.full().getHeight());
    // the analysis frame averages the (same-size) full frame: colours agree closely
    BufferedImage full = f5.full();
    double err = 0;
    for (int y = 0; y < 90; y++) {
      for (int x = 0; x < 160; x++) {
        int p = full.getRGB(x, y);
        int o = (y * 160 + x) * 3;
        err += Math.abs(((p >> 16) & 255) - (f5.rgb()[o] & 255));
      }
    }
    assertTrue(err / (160 * 90) < 2, "mean red difference " + err / (160 * 90));
    IllegalStateException late =
        assertThrows(IllegalStateException.class, () -> kept.get(6).full());
    assertTrue(late.getMessage().contains("inside FrameSink.accept"));
  }

  @Test
  void maxFramesStopsEarly() {
    SyntheticVideo sv = new SyntheticVideo(320, 180, 25, SyntheticVideo.Format.MKV_H264);
    Path file = sv.fileIn(dir, "short");
    sv.render(PLAN, file);
    VideoInfo info =
        new VideoDecoder().decode(file, DecodeOptions.defaults().withMaxFrames(10), f -> {});
    assertEquals(10, info.frameCount());
    assertTrue(info.problems().isEmpty());
  }

  @Test
  void missingEmptyAndNonVideoFilesGiveErrorsNamingTheFile() throws Exception {
    VideoDecoder d = new VideoDecoder();
    Path missing = dir.resolve("nope.mp4");
    assertMessage(
        assertThrows(
            UserException.class, () -> d.decode(missing, DecodeOptions.defaults(), f -> {})),
        missing,
        "no such file");
    Path empty = Files.createFile(dir.resolve("empty.mp4"));
    assertMessage(
        assertThrows(UserException.class, () -> d.decode(empty, DecodeOptions.defaults(), f -> {})),
        empty,
        "empty");
    Path text = Files.writeString(dir.resolve("notes.mp4"), "these are not frames\n".repeat(200));
    assertMessage(
        assertThrows(UserException.class, () -> d.decode(text, DecodeOptions.defaults(), f -> {})),
        text,
        "cannot be opened");
    assertMessage(
        assertThrows(UserException.class, () -> d.decode(dir, DecodeOptions.defaults(), f -> {})),
        dir,
        "not a readable file");
  }

  @Test
  void failuresAreInPlainWordsNotLibraryCalls() throws Exception {
    Path text = Files.writeString(dir.resolve("words.mp4"), "these are not frames\n".repeat(200));
    String notVideo =
        assertThrows(
                UserException.class,
                () -> new VideoDecoder().decode(text, DecodeOptions.defaults(), f -> {}))
            .getMessage();
    assertTrue(notVideo.contains("not a video format FFmpeg recognises"), notVideo);
    SyntheticVideo sv = new SyntheticVideo(320, 180, 25, SyntheticVideo.Format.MP4_H264);
    Path mp4 = sv.fileIn(dir, "plain");
    sv.render(PLAN, mp4);
    byte[] bytes = Files.readAllBytes(mp4);
    Path headOnly =
        Files.write(
            dir.resolve("plain-head.mp4"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    String truncated =
        assertThrows(
                UserException.class,
                () -> new VideoDecoder().decode(headOnly, DecodeOptions.defaults(), f -> {}))
            .getMessage();
    for (String message : new String[] {notVideo, truncated}) {
      assertTrue(!message.contains("setFormat") && !message.contains("() error"), message);
    }
  }

  @Test
  void truncatedFilesFailClearlyOrKeepWhatDecoded() throws Exception {
    SyntheticVideo sv = new SyntheticVideo(320, 180, 25, SyntheticVideo.Format.MP4_H264);
    Path mp4 = sv.fileIn(dir, "cut");
    sv.render(PLAN, mp4);
    byte[] bytes = Files.readAllBytes(mp4);
    // mp4 keeps its index (moov) at the end: without it nothing can be decoded
    Path headOnly =
        Files.write(dir.resolve("head.mp4"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertMessage(
        assertThrows(
            UserException.class,
            () -> new VideoDecoder().decode(headOnly, DecodeOptions.defaults(), f -> {})),
        headOnly,
        "cannot be opened");

    Path mkv = sv.in(SyntheticVideo.Format.MKV_H264).fileIn(dir, "cut");
    GroundTruth truth = sv.in(SyntheticVideo.Format.MKV_H264).render(PLAN, mkv);
    byte[] mk = Files.readAllBytes(mkv);
    Path half = Files.write(dir.resolve("half.mkv"), java.util.Arrays.copyOf(mk, mk.length / 2));
    VideoInfo info = new VideoDecoder().decode(half, DecodeOptions.defaults(), f -> {});
    assertTrue(
        info.frameCount() > 0 && info.frameCount() < truth.frameCount(),
        "decoded " + info.frameCount());
    assertFalse(info.problems().isEmpty(), "a truncated stream is reported");
    assertTrue(info.problems().get(0).contains("truncated"), info.problems().toString());
  }

  private static void assertMessage(UserException e, Path file, String words) {
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(words), e.getMessage());
  }
}

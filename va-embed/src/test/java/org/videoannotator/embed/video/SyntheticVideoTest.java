package org.videoannotator.embed.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.embed.video.synthetic.GroundTruth;
import org.videoannotator.embed.video.synthetic.Scene;
import org.videoannotator.embed.video.synthetic.ShotPlan;
import org.videoannotator.embed.video.synthetic.SyntheticScripts;
import org.videoannotator.embed.video.synthetic.SyntheticVideo;

/** The rendered pixels agree with the truth the renderer reports. */
class SyntheticVideoTest {
  @TempDir Path dir;

  private static Scene scene(Scene.Palette p, long seed) {
    return new Scene(p, Scene.Framing.WIDE, 2, "", Scene.Camera.STATIC, seed);
  }

  @Test
  void fadesGoThroughBlackAndDissolvesMixBothShots() throws Exception {
    List<ShotPlan> plan =
        List.of(
            new ShotPlan(scene(Scene.Palette.DAY_OUTDOOR, 1), 10, ShotPlan.Entry.CUT),
            new ShotPlan(scene(Scene.Palette.DAY_INDOOR, 2), 10, ShotPlan.Entry.fade(4)),
            new ShotPlan(scene(Scene.Palette.NIGHT_OUTDOOR, 3), 10, ShotPlan.Entry.dissolve(5)));
    SyntheticVideo sv = new SyntheticVideo(320, 180, 25, SyntheticVideo.Format.MKV_H264);
    Path file = sv.fileIn(dir, "fx");
    GroundTruth truth = sv.render(plan, file);

    // 10 frames, fade 4 + 2 black + 4, 10 frames, dissolve 5, 10 frames
    assertEquals(10 + 4 + SyntheticVideo.FADE_HOLD + 4 + 10 + 5 + 10, truth.frameCount());
    assertEquals(
        List.of(Transition.fade(10, 19), Transition.dissolve(30, 34)), truth.transitions());
    assertEquals(3, truth.shots().size());
    assertEquals(15, truth.shots().get(1).first(), "fade split at its middle");

    List<Double> luma = new ArrayList<>();
    new VideoDecoder()
        .decode(
            file,
            DecodeOptions.defaults(),
            f -> {
              long s = 0;
              for (byte b : f.luma()) {
                s += b & 255;
              }
              luma.add((double) s / f.luma().length);
            });
    assertTrue(luma.get(14) < 8 && luma.get(15) < 8, "hold frames are black: " + luma);
    assertTrue(luma.get(9) > luma.get(11) && luma.get(11) > luma.get(13), "fade out darkens");
    assertTrue(luma.get(16) < luma.get(18) && luma.get(18) < luma.get(20), "fade in brightens");
    double day = luma.get(29);
    double night = luma.get(35);
    double mid = luma.get(32);
    assertTrue(
        Math.min(day, night) + 5 < mid && mid < Math.max(day, night) - 5,
        "dissolve middle lies between its shots: " + day + " " + mid + " " + night);
  }

  @Test
  void writesOneCaptionPerShotAndTheTruthRoundTrips() throws Exception {
    List<ShotPlan> plan = SyntheticScripts.demo(3, 4, 25);
    SyntheticVideo sv = new SyntheticVideo(160, 90, 25, SyntheticVideo.Format.MP4_H264);
    Path file = sv.fileIn(dir, "demo");
    GroundTruth truth = sv.render(plan, file);
    String srt = Files.readString(SyntheticVideo.srtFor(file));
    assertEquals(truth.shots().size(), srt.split("\n\n").length);
    assertTrue(srt.startsWith("1\n00:00:00,000 --> "), srt);
    assertTrue(srt.contains(plan.get(0).caption()), srt);
    Path json = dir.resolve("demo.truth.json");
    truth.write(json);
    assertEquals(truth, GroundTruth.read(json));
  }

  @Test
  void renderingIsDeterministic() {
    List<ShotPlan> plan = SyntheticScripts.demo(5, 3, 25);
    SyntheticVideo sv = new SyntheticVideo(160, 90, 25, SyntheticVideo.Format.AVI_MPEG4);
    List<byte[]> a = new ArrayList<>();
    List<byte[]> b = new ArrayList<>();
    sv.render(plan, dir.resolve("a.avi"));
    sv.render(plan, dir.resolve("b.avi"));
    new VideoDecoder().decode(dir.resolve("a.avi"), DecodeOptions.defaults(), f -> a.add(f.rgb()));
    new VideoDecoder().decode(dir.resolve("b.avi"), DecodeOptions.defaults(), f -> b.add(f.rgb()));
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertTrue(java.util.Arrays.equals(a.get(i), b.get(i)), "frame " + i);
    }
  }
}

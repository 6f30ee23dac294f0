package org.videoannotator.embed.video.shots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.embed.video.BoundaryScore;
import org.videoannotator.embed.video.DecodeOptions;
import org.videoannotator.embed.video.Transition;
import org.videoannotator.embed.video.VideoDecoder;
import org.videoannotator.embed.video.synthetic.GroundTruth;
import org.videoannotator.embed.video.synthetic.Scene;
import org.videoannotator.embed.video.synthetic.ShotPlan;
import org.videoannotator.embed.video.synthetic.SyntheticVideo;
import org.videoannotator.embed.video.synthetic.Texture;

/**
 * Cuts the frame-to-frame detector missed (issue 30), on videos rendered here from FFmpeg's own
 * lavfi sources: out of a cellular automaton that changes every frame into a fast pan, and between
 * two crops of one still. Each case was taken from the tuning half of the texture mix, where the
 * detector before the windowed structure signals and the cut classifier missed it.
 */
class TextureCutsTest {
  @TempDir Path dir;

  private List<Transition> detect(
      List<ShotPlan> plan, SyntheticVideo video, String name, GroundTruth[] truth) {
    Path file = video.fileIn(dir, name);
    truth[0] = video.render(plan, file);
    ShotDetector d = new ShotDetector();
    new VideoDecoder().decode(file, DecodeOptions.defaults(), d.sink());
    return d.finish();
  }

  private static void assertExact(GroundTruth truth, List<Transition> found) {
    BoundaryScore s = BoundaryScore.of(truth.transitions(), found);
    assertEquals(1.0, s.all().f1(), "truth " + truth.transitions() + " found " + found);
  }

  @Test
  void cutOutOfCellularAutomatonIntoFastPan() {
    Scene pan =
        new Scene(
            Scene.Palette.NIGHT_OUTDOOR, Scene.Framing.CLOSE, 1, "", Scene.Camera.FAST_PAN, 77);
    List<ShotPlan> plan =
        List.of(
            new ShotPlan(
                pan,
                16,
                ShotPlan.Entry.CUT,
                List.of(),
                null,
                new Texture(Texture.Kind.CELLAUTO, 4761623)),
            new ShotPlan(pan, 17, ShotPlan.Entry.CUT),
            new ShotPlan(
                pan,
                40,
                ShotPlan.Entry.CUT,
                List.of(),
                null,
                new Texture(Texture.Kind.GRADIENTS, 15177271)));
    GroundTruth[] truth = new GroundTruth[1];
    List<Transition> found =
        detect(
            plan,
            new SyntheticVideo(640, 360, 25, SyntheticVideo.Format.MKV_H264),
            "cellauto",
            truth);
    assertExact(truth[0], found);
  }

  @Test
  void cutBetweenTwoCropsOfOneStill() {
    Scene any =
        new Scene(Scene.Palette.DAY_INDOOR, Scene.Framing.WIDE, 0, "", Scene.Camera.STATIC, 1);
    Texture still = new Texture(Texture.Kind.STILL, 1123127, 1);
    List<ShotPlan> plan =
        List.of(
            new ShotPlan(any, 45, ShotPlan.Entry.CUT, List.of(), null, still),
            new ShotPlan(any, 49, ShotPlan.Entry.CUT, List.of(), null, still.reframed(4)));
    GroundTruth[] truth = new GroundTruth[1];
    List<Transition> found =
        detect(
            plan,
            new SyntheticVideo(320, 180, 25, SyntheticVideo.Format.MKV_MPEG4),
            "still",
            truth);
    assertTrue(
        found.stream().anyMatch(t -> Math.abs(t.splitFrame() - 45) <= 1),
        "truth " + truth[0].transitions() + " found " + found);
    assertExact(truth[0], found);
  }
}

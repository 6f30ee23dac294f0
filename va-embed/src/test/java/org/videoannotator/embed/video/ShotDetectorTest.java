package org.videoannotator.embed.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videoannotator.embed.video.shots.ShotDetector;
import org.videoannotator.embed.video.synthetic.GroundTruth;
import org.videoannotator.embed.video.synthetic.Pixels;
import org.videoannotator.embed.video.synthetic.Scene;
import org.videoannotator.embed.video.synthetic.SceneRenderer;
import org.videoannotator.embed.video.synthetic.ShotPlan;
import org.videoannotator.embed.video.synthetic.SyntheticScripts;
import org.videoannotator.embed.video.synthetic.SyntheticVideo;

/**
 * Detection quality on rendered videos with exact truth. The suite covers hard cuts (1-second and
 * 5-frame shots, look-alike scenes), dissolves of 6-20 frames, fades through black, and distractors
 * that must not be reported: flashes, sudden and ramped light changes, a large object entering, a
 * fast pan, zoom and handheld shake. Each video uses a different codec.
 */
class ShotDetectorTest {
  @TempDir static Path dir;

  private static final Map<String, GroundTruth> TRUTH = new LinkedHashMap<>();
  private static final Map<String, List<Transition>> FOUND = new LinkedHashMap<>();

  @BeforeAll
  static void renderAndDetect() {
    SyntheticVideo.Format[] formats = {
      SyntheticVideo.Format.MP4_H264,
      SyntheticVideo.Format.WEBM_VP9,
      SyntheticVideo.Format.AVI_MPEG4
    };
    int k = 0;
    for (Map.Entry<String, List<ShotPlan>> e : SyntheticScripts.transitionSuite(7, 25).entrySet()) {
      SyntheticVideo sv = new SyntheticVideo(320, 180, 25, formats[k++ % formats.length]);
      Path file = sv.fileIn(dir, e.getKey());
      TRUTH.put(e.getKey(), sv.render(e.getValue(), file));
      ShotDetector detector = new ShotDetector();
      new VideoDecoder().decode(file, DecodeOptions.defaults(), detector.sink());
      FOUND.put(e.getKey(), detector.finish());
    }
  }

  private static BoundaryScore score(String name) {
    return BoundaryScore.of(TRUTH.get(name).transitions(), FOUND.get(name));
  }

  @Test
  void findsHardCutsIncludingShortShots() {
    BoundaryScore s = score("cuts");
    assertTrue(s.cuts().f1() >= 0.9, "cuts " + s.cuts() + " found " + FOUND.get("cuts"));
  }

  @Test
  void findsDissolvesAndFades() {
    BoundaryScore s = score("gradual");
    assertTrue(
        s.gradual().f1() >= 0.8,
        "gradual "
            + s.gradual()
            + " truth "
            + TRUTH.get("gradual").transitions()
            + " found "
            + FOUND.get("gradual"));
    assertTrue(s.cuts().f1() >= 0.9, "cuts " + s.cuts());
  }

  @Test
  void reportsNothingOnFlashesLightChangesObjectsAndFastMotion() {
    GroundTruth t = TRUTH.get("distractors");
    List<Transition> wrong =
        BoundaryScore.falseInside(t.transitions(), FOUND.get("distractors"), t.distractors());
    assertTrue(
        wrong.isEmpty(),
        "boundaries reported inside distractors: "
            + wrong
            + " (distractors "
            + t.distractors()
            + ")");
    BoundaryScore s = score("distractors");
    assertTrue(s.cuts().recall() >= 0.9, "cuts between the distractor shots " + s.cuts());
  }

  @Test
  void shotsFromDetectedBoundariesMatchRenderedShots() {
    GroundTruth t = TRUTH.get("cuts");
    List<ShotSpan> shots = Shots.fromTransitions(t.frameCount(), FOUND.get("cuts"));
    assertEquals(t.shots().size(), shots.size(), "shots " + shots);
    for (int i = 0; i < shots.size(); i++) {
      assertTrue(Math.abs(shots.get(i).first() - t.shots().get(i).first()) <= 1, "shot " + i);
    }
  }

  @Test
  void unchangingPictureHasNoBoundaries() {
    ShotDetector d = new ShotDetector();
    BufferedImage img = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(20, 20, 50, 40);
    g.dispose();
    for (int i = 0; i < 60; i++) {
      d.accept(DecodedFrame.ofImage(i, i / 25.0, img));
    }
    assertEquals(List.of(), d.finish());
    ShotDetector single = new ShotDetector();
    single.accept(DecodedFrame.ofImage(0, 0, img));
    assertEquals(List.of(), single.finish());
  }

  private static BufferedImage sceneFrame(Scene scene, int t, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    new SceneRenderer(scene).draw(img, t);
    return img;
  }

  @Test
  void fadeThroughWhiteIsOneFade() {
    Scene a =
        new Scene(Scene.Palette.DAY_INDOOR, Scene.Framing.WIDE, 3, "", Scene.Camera.STATIC, 1);
    Scene b =
        new Scene(Scene.Palette.NIGHT_OUTDOOR, Scene.Framing.CLOSE, 1, "", Scene.Camera.STATIC, 2);
    BufferedImage white = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
    java.util.Arrays.fill(
        ((java.awt.image.DataBufferInt) white.getRaster().getDataBuffer()).getData(), 0xFFFFFF);
    ShotDetector d = new ShotDetector();
    int i = 0;
    for (int t = 0; t < 20; t++) {
      d.accept(DecodedFrame.ofImage(i++, 0, sceneFrame(a, t, 160, 90)));
    }
    for (int j = 0; j < 8; j++) { // frames 20..27 brighten toward white
      BufferedImage img = sceneFrame(a, 20 + j, 160, 90);
      Pixels.blend(img, white, (j + 1) / 9.0);
      d.accept(DecodedFrame.ofImage(i++, 0, img));
    }
    for (int j = 0; j < 2; j++) { // 28, 29 white
      d.accept(DecodedFrame.ofImage(i++, 0, white));
    }
    for (int j = 0; j < 8; j++) { // 30..37 come out of white
      BufferedImage img = sceneFrame(b, j, 160, 90);
      Pixels.blend(img, white, 1 - (j + 1) / 9.0);
      d.accept(DecodedFrame.ofImage(i++, 0, img));
    }
    for (int t = 8; t < 28; t++) {
      d.accept(DecodedFrame.ofImage(i++, 0, sceneFrame(b, t, 160, 90)));
    }
    List<Transition> found = d.finish();
    assertEquals(1, found.size(), "found " + found);
    assertEquals(Transition.Type.FADE, found.get(0).type());
    assertTrue(found.get(0).start() <= 29 && found.get(0).end() >= 28, "found " + found);
  }

  /**
   * A camera flash or lightning: two frames blown to about 90 % white that decay back over three
   * more, inside one shot. The picture before the flash comes back, so nothing changed: it is not a
   * fade (nor a dissolve, nor a cut), whatever the frames in the middle look like.
   */
  @ParameterizedTest
  @EnumSource(
      value = Scene.Camera.class,
      names = {"STATIC", "PAN", "SHAKE"})
  void aDecayingFlashInsideAShotIsNoBoundary(Scene.Camera camera) {
    Scene a = new Scene(Scene.Palette.NIGHT_OUTDOOR, Scene.Framing.WIDE, 3, "", camera, 5);
    Scene b =
        new Scene(Scene.Palette.DAY_INDOOR, Scene.Framing.CLOSE, 1, "", Scene.Camera.STATIC, 6);
    BufferedImage white = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
    java.util.Arrays.fill(
        ((java.awt.image.DataBufferInt) white.getRaster().getDataBuffer()).getData(), 0xF8F8F0);
    double[] flash = {0.92, 0.92, 0.6, 0.3, 0.12};
    ShotDetector d = new ShotDetector();
    for (int t = 0; t < 60; t++) {
      BufferedImage img = sceneFrame(a, t, 160, 90);
      if (t >= 25 && t < 25 + flash.length) {
        Pixels.blend(img, white, flash[t - 25]);
      }
      d.accept(DecodedFrame.ofImage(t, 0, img));
    }
    for (int t = 60; t < 90; t++) {
      d.accept(DecodedFrame.ofImage(t, 0, sceneFrame(b, t, 160, 90)));
    }
    assertEquals(List.of(Transition.cut(60)), d.finish());
  }

  /**
   * The same on a bright shot, where the flash never reaches a blank frame (the picture shows
   * through), rendered as the benchmark renders it: the brightness surge starts the flash, the
   * picture coming back ends it.
   */
  @ParameterizedTest
  @EnumSource(
      value = Scene.Palette.class,
      names = {"DAY_INDOOR", "DAY_OUTDOOR", "NIGHT_INDOOR"})
  void aDecayingFlashOnABrightShotIsNoBoundary(Scene.Palette palette) {
    Scene a = new Scene(palette, Scene.Framing.WIDE, 2, "", Scene.Camera.PAN, 7);
    Scene b =
        new Scene(Scene.Palette.NIGHT_OUTDOOR, Scene.Framing.CLOSE, 1, "", Scene.Camera.STATIC, 8);
    ShotPlan.Event flash = new ShotPlan.Event(ShotPlan.Event.Kind.DECAYING_FLASH, 20, 2);
    ShotDetector d = new ShotDetector();
    for (int t = 0; t < 50; t++) {
      BufferedImage img = sceneFrame(a, t, 192, 108);
      Pixels.applyEvent(img, flash, t, palette.night(), a.seed());
      d.accept(DecodedFrame.ofImage(t, 0, img));
    }
    for (int t = 50; t < 80; t++) {
      d.accept(DecodedFrame.ofImage(t, 0, sceneFrame(b, t, 192, 108)));
    }
    assertEquals(List.of(Transition.cut(50)), d.finish());
  }

  /**
   * A shot whose whole picture changes every frame (snow, confetti) scores high on every frame,
   * which lifts the neighbourhood of the cuts into and out of it: both cuts are still found, and
   * nothing inside it.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "NOISE,NIGHT_OUTDOOR,0",
    "SPARKLE,NIGHT_OUTDOOR,0",
    "SPARKLE,NIGHT_INDOOR,1",
    "SPARKLE,NIGHT_OUTDOOR,3",
    "SPARKLE,DAY_INDOOR,0"
  })
  void cutsIntoAndOutOfABusyShotAreFoundAndNothingInside(
      ShotPlan.Event.Kind busy, Scene.Palette after, int figures) {
    Scene a =
        new Scene(Scene.Palette.NIGHT_INDOOR, Scene.Framing.WIDE, 2, "", Scene.Camera.STATIC, 9);
    Scene noise =
        new Scene(Scene.Palette.DAY_OUTDOOR, Scene.Framing.WIDE, 0, "", Scene.Camera.STATIC, 10);
    Scene b = new Scene(after, Scene.Framing.WIDE, figures, "", Scene.Camera.STATIC, 11);
    ShotPlan.Event event = new ShotPlan.Event(busy, 0, 30);
    ShotDetector d = new ShotDetector();
    for (int t = 0; t < 80; t++) {
      BufferedImage img;
      if (t < 25) {
        img = sceneFrame(a, t, 192, 108);
      } else if (t < 55) {
        img = sceneFrame(noise, t, 192, 108);
        Pixels.applyEvent(img, event, t - 25, false, noise.seed());
      } else {
        img = sceneFrame(b, t, 192, 108);
      }
      d.accept(DecodedFrame.ofImage(t, 0, img));
    }
    assertEquals(List.of(Transition.cut(25), Transition.cut(55)), d.finish());
  }

  /**
   * The case the frame test above cannot make, as the benchmark found it: in the hard mix's video 4
   * (seed 305, 320x180 at 25 fps, MPEG-4 part 2 in mkv), confetti shots score about 0.45 on every
   * frame with the codec's blocks, which lifted the neighbourhood median past the cut out of one
   * into a dark shot (0.61): missed before {@code busyBeside}. Every cut next to a busy shot is
   * found.
   */
  @Test
  @org.junit.jupiter.api.Tag("slow")
  void encodedBusyShotsDoNotHideTheCutsBesideThem() {
    Path file = dir.resolve("hard305.mkv");
    GroundTruth truth =
        new SyntheticVideo(320, 180, 25, SyntheticVideo.Format.MKV_MPEG4)
            .render(SyntheticScripts.hard(305, 16, 25), file);
    ShotDetector detector = new ShotDetector();
    new VideoDecoder().decode(file, DecodeOptions.defaults(), detector.sink());
    List<Transition> found = detector.finish();
    List<Integer> besideBusy = new java.util.ArrayList<>();
    for (GroundTruth.Distractor d : truth.distractors()) {
      if (d.kind() == GroundTruth.Distractor.Kind.BUSY) {
        besideBusy.add(d.first());
        besideBusy.add(d.last() + 1);
      }
    }
    assertTrue(besideBusy.size() >= 4, "the plan has busy shots: " + truth.distractors());
    for (int cut : besideBusy) {
      assertTrue(found.contains(Transition.cut(cut)), "cut at " + cut + " in " + found);
    }
    for (Transition t : found) {
      for (GroundTruth.Distractor d : truth.distractors()) {
        assertTrue(
            d.kind() != GroundTruth.Distractor.Kind.BUSY
                || t.start() <= d.first()
                || t.start() > d.last(),
            t + " inside busy shot " + d);
      }
    }
  }

  @Test
  void tinyPicturesAreJudgedByColour() {
    Scene a =
        new Scene(Scene.Palette.DAY_OUTDOOR, Scene.Framing.WIDE, 0, "", Scene.Camera.STATIC, 3);
    Scene b =
        new Scene(Scene.Palette.NIGHT_INDOOR, Scene.Framing.WIDE, 0, "", Scene.Camera.STATIC, 4);
    ShotDetector d = new ShotDetector();
    for (int i = 0; i < 30; i++) {
      d.accept(DecodedFrame.ofImage(i, 0, sceneFrame(i < 15 ? a : b, i, 24, 14)));
    }
    assertEquals(List.of(Transition.cut(15)), d.finish());
  }

  @Test
  void framesMustComeInOrder() {
    ShotDetector d = new ShotDetector();
    BufferedImage img = new BufferedImage(32, 18, BufferedImage.TYPE_INT_RGB);
    d.accept(DecodedFrame.ofImage(0, 0, img));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> d.accept(DecodedFrame.ofImage(2, 0, img)));
    assertTrue(e.getMessage().contains("expected frame 1"), e.getMessage());
    d.finish();
    assertThrows(IllegalStateException.class, () -> d.accept(DecodedFrame.ofImage(1, 0, img)));
  }
}

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

/**
 * Detection quality on rendered videos with exact truth. The suite covers hard cuts (1-second and
 * 5-frame shots, look-alike scenes), dissolves of 6-20 frames, fades through black, and
 * distractors that must not be reported: flashes, sudden and ramped light changes, a large
 * object entering, a fast pan, zoom and handheld shake. Each video uses a different codec.
 */
class ShotDetectorTest {
  @TempDir static Path dir;

  private static final Map<String, GroundTruth> TRUTH = new LinkedHashMap<>();
  private static final Map<String, List<Transition>> FOUND = new LinkedHashMap<>();

  @BeforeAll
  static void renderAndDetect() {
    SyntheticVideo.Format[] formats = {
      SyntheticVideo.Format.MP4_H264, SyntheticVideo.Format.WEBM_VP9,
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
    assertTrue(s.gradual().f1() >= 0.8,
        "gradual " + s.gradual() + " truth " + TRUTH.get("gradual").transitions()
            + " found " + FOUND.get("gradual"));
    assertTrue(s.cuts().f1() >= 0.9, "cuts " + s.cuts());
  }

  @Test
  void reportsNothingOnFlashesLightChangesObjectsAndFastMotion() {
    GroundTruth t = TRUTH.get("distractors");
    List<Transition> wrong =
        BoundaryScore.falseInside(t.transitions(), FOUND.get("distractors"), t.distractors());
    assertTrue(wrong.isEmpty(), "boundaries reported inside distractors: " + wrong
        + " (distractors " + t.distractors() + ")");
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

  @Test
  void framesMustComeInOrder() {
    ShotDetector d = new ShotDetector();
    BufferedImage img = new BufferedImage(32, 18, BufferedImage.TYPE_INT_RGB);
    d.accept(DecodedFrame.ofImage(0, 0, img));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> d.accept(DecodedFrame.ofImage(2, 0, img)));
    assertTrue(e.getMessage().contains("expected frame 1"), e.getMessage());
    d.finish();
    assertThrows(IllegalStateException.class, () -> d.accept(DecodedFrame.ofImage(1, 0, img)));
  }
}

package org.videoannotator.embed.model.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.videoannotator.core.vectors.VectorMath;
import org.videoannotator.embed.model.CameraShots;
import org.videoannotator.embed.model.CameraShots.Move;
import org.videoannotator.embed.model.NearestCentroid;
import org.videoannotator.embed.model.ShotFrames;

class DescriptorEmbedderTest {
  private record Sample(Move move, boolean night, long seed, float[] vector) {}

  private static final List<Sample> SAMPLES = new ArrayList<>();
  private static final DescriptorEmbedder EMBEDDER = new DescriptorEmbedder();

  @BeforeAll
  static void embedRenderedShots() {
    // 6 worlds per (move, day/night) cell: seeds 0..2 train the centroids, 3..5 are held out.
    for (Move move : Move.values()) {
      for (boolean night : new boolean[] {false, true}) {
        for (long seed = 0; seed < 6; seed++) {
          long worldSeed = seed * 1000 + move.ordinal() * 10 + (night ? 1 : 0);
          ShotFrames shot = CameraShots.shot(move, night, worldSeed);
          SAMPLES.add(new Sample(move, night, seed, EMBEDDER.embedShot(shot)));
        }
      }
    }
  }

  @Test
  void vectorsAreUnitLengthAndOfTheDeclaredDimension() {
    for (Sample s : SAMPLES) {
      assertEquals(DescriptorEmbedder.DIMENSION, s.vector().length);
      assertEquals(1.0, VectorMath.norm(s.vector()), 1e-5);
    }
  }

  @Test
  void sameShotGivesTheSameVector() {
    float[] a = EMBEDDER.embedShot(CameraShots.shot(Move.PAN, false, 42));
    float[] b = EMBEDDER.embedShot(CameraShots.shot(Move.PAN, false, 42));
    assertArrayEquals(a, b);
  }

  @Test
  void separatesCameraMovesOnHeldOutShots() {
    double accuracy = nearestCentroidAccuracy(Sample::move);
    // 4 classes: chance is 0.25. Held-out worlds differ in every shape and colour.
    assertTrue(accuracy >= 0.9, "camera move accuracy " + accuracy);
  }

  @Test
  void separatesNightFromDayOnHeldOutShots() {
    double accuracy = nearestCentroidAccuracy(Sample::night);
    assertTrue(accuracy >= 0.95, "day/night accuracy " + accuracy);
  }

  @Test
  void hasNoTextTowerAndRecordsItsSettings() {
    assertFalse(EMBEDDER.textEncoder().isPresent());
    assertEquals("descriptor", EMBEDDER.info().id());
    assertTrue(EMBEDDER.info().params().containsKey("weights"));
  }

  @Test
  void motionEstimatorRecoversAPan() {
    ShotFrames pan = CameraShots.shot(Move.PAN, false, 7);
    var frame = pan.frames().get(1);
    var motion = MotionEstimator.estimate(frame.image(), frame.next(), frame.nextGap());
    // The camera moves right 3.5 world px per frame over a 320 px wide view: the picture moves
    // left.
    assertEquals(-3.5 / 320, motion.tx(), 0.003);
    assertEquals(0, motion.ty(), 0.003);
    assertEquals(0, motion.zoom(), 0.004);
  }

  @Test
  void rejectsAShotWithoutFrames() {
    assertThrows(IllegalArgumentException.class, () -> new ShotFrames(0, 10, 24, List.of(), 0));
  }

  private static <T> double nearestCentroidAccuracy(Function<Sample, T> label) {
    List<Sample> train = SAMPLES.stream().filter(s -> s.seed() < 3).toList();
    List<Sample> test = SAMPLES.stream().filter(s -> s.seed() >= 3).toList();
    return NearestCentroid.accuracy(train, test, label, Sample::vector);
  }
}

package org.videoannotator.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the test helper to values computed by hand (and by sklearn's definition). */
class AveragePrecisionTest {
  @Test
  void perfectRankingIsOne() {
    assertEquals(1.0, AveragePrecision.of(List.of(true, false, true), new double[] {3, 1, 2}));
  }

  @Test
  void mixedRanking() {
    // ranks: T(0.9) F(0.8) T(0.7) F(0.1): (1/2)*1 + (1/2)*(2/3) = 0.8333
    assertEquals(
        5.0 / 6,
        AveragePrecision.of(List.of(true, false, true, false), new double[] {0.9, 0.8, 0.7, 0.1}),
        1e-12);
  }

  @Test
  void tiedScoresFormOneThreshold() {
    // all tied: one threshold, precision 2/4, recall 1 -> 0.5
    assertEquals(
        0.5, AveragePrecision.of(List.of(true, false, true, false), new double[] {1, 1, 1, 1}));
  }
}

package org.videoannotator.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Golden values printed by numpy 1.24 (np.sum, np.mean, np.std) for the same arrays. */
class NumpyStatsTest {
  private static double[] values(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = ((i * 7919) % 1000) / 997.0 + 1e-3 * i;
    }
    return v;
  }

  @Test
  void matchesNumpyToTheLastBit() {
    assertEquals(3.2095987963891677, NumpyStats.sum(values(5)));
    assertEquals(5.135297893681043, NumpyStats.sum(values(9)));
    assertEquals(0.5705886548534492, NumpyStats.mean(values(9)));
    assertEquals(0.265979992627859, NumpyStats.std(values(9)));
    assertEquals(54.147592778335, NumpyStats.sum(values(100)));
    assertEquals(0.29276407038345187, NumpyStats.std(values(100)));
    assertEquals(1000.5030090270812, NumpyStats.sum(values(1000)));
    assertEquals(0.4087799596632458, NumpyStats.std(values(1000)));
  }

  @Test
  void pairwiseOrderDiffersFromANaiveLoop() {
    double naive = 0;
    for (double d : values(9)) {
      naive += d;
    }
    assertNotEquals(
        naive, NumpyStats.sum(values(9)), "the test data must tell the two orders apart");
  }

  @Test
  void metricIgnoresNaNAndSummarisesLikeTheReference() {
    Metric m = new Metric(new double[] {0.25, Double.NaN, 0.5, 0.75});
    assertEquals(0.5, m.mean());
    assertEquals(Math.sqrt(1.0 / 24), m.std(), 1e-15);
    assertEquals(0.75, m.last());
    // newest weighs 1, then 0.5, then 0.25: (0.75 + 0.25 + 0.0625) / 1.75
    assertEquals((0.75 + 0.5 * 0.5 + 0.25 * 0.25) / 1.75, m.ewma(0.5), 1e-15);
    assertEquals(0.0, Metric.EMPTY.mean());
    assertEquals(Double.NEGATIVE_INFINITY, Metric.EMPTY.last());
    assertEquals(0.75, m.lastRaw());
    assertThrows(IllegalStateException.class, () -> new Metric(new double[] {Double.NaN}).mean());
    assertThrows(IllegalArgumentException.class, () -> m.ewma(1.5));
  }
}

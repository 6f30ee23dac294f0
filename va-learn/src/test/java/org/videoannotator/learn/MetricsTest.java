package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final JsonNode GOLDEN = Golden.read("metrics.json");

  @Test
  void averagePrecisionAndAucMatchScikitLearnIncludingTies() {
    int cases = 0;
    for (JsonNode c : GOLDEN.get("cases")) {
      boolean[] y = Golden.bools(c.get("y"));
      double[] s = Golden.doubles(c.get("score"));
      assertEquals(c.get("ap").asDouble(), Metrics.averagePrecision(y, s), 1e-15, "case " + cases);
      if (!c.get("auc").isNull()) {
        assertEquals(c.get("auc").asDouble(), Metrics.rocAuc(y, s), 1e-15, "case " + cases);
      }
      cases++;
    }
    assertTrue(cases >= 18);
  }

  @Test
  void tiedScoresFormOneThreshold() {
    // all scores tied: one threshold at recall 1 with precision 2/4
    assertEquals(
        0.5,
        Metrics.averagePrecision(
            new boolean[] {true, true, false, false}, new double[] {1, 1, 1, 1}));
    assertEquals(
        0.5, Metrics.rocAuc(new boolean[] {true, true, false, false}, new double[] {1, 1, 1, 1}));
  }

  @Test
  void signedZerosAreOneThreshold() {
    // numpy groups scores by diff != 0, and -0.0 - 0.0 == 0: one threshold holding both items
    assertEquals(
        0.5, Metrics.averagePrecision(new boolean[] {true, false}, new double[] {-0.0, 0.0}));
    assertEquals(
        0.5, Metrics.averagePrecision(new boolean[] {false, true}, new double[] {-0.0, 0.0}));
  }

  @Test
  void averagePrecisionFollowsItsDefinitionOnTieHeavyScores() {
    java.util.Random random = new java.util.Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(60);
      boolean[] y = new boolean[n];
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = random.nextInt(3) == 0;
        s[i] = random.nextInt(1 + trial % 9) - 4;
      }
      y[random.nextInt(n)] = true;
      assertEquals(definition(y, s), Metrics.averagePrecision(y, s), 1e-12, "trial " + trial);
    }
  }

  /**
   * Sum over distinct thresholds t, highest first, of (recall(t) - previous recall) * precision(t).
   */
  private static double definition(boolean[] y, double[] s) {
    double[] thresholds = java.util.Arrays.stream(s).distinct().sorted().toArray();
    int positives = 0;
    for (boolean b : y) {
      positives += b ? 1 : 0;
    }
    double ap = 0;
    double previousRecall = 0;
    for (int k = thresholds.length - 1; k >= 0; k--) {
      int tp = 0;
      int predicted = 0;
      for (int i = 0; i < y.length; i++) {
        if (s[i] >= thresholds[k]) {
          predicted++;
          tp += y[i] ? 1 : 0;
        }
      }
      double recall = tp / (double) positives;
      ap += (recall - previousRecall) * tp / predicted;
      previousRecall = recall;
    }
    return ap;
  }

  @Test
  void undefinedWithoutBothClassesIsNaN() {
    assertEquals(
        0.0, Metrics.averagePrecision(new boolean[] {false, false}, new double[] {0.1, 0.2}));
    assertTrue(Double.isNaN(Metrics.rocAuc(new boolean[] {true, true}, new double[] {0.1, 0.2})));
    assertEquals(
        1.0, Metrics.averagePrecision(new boolean[] {true, true}, new double[] {0.1, 0.2}));
  }

  @Test
  void refusesMismatchedOrNonFiniteInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Metrics.averagePrecision(new boolean[] {true}, new double[] {0.1, 0.2}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Metrics.averagePrecision(new boolean[] {true, false}, new double[] {Double.NaN, 0.2}));
  }

  @Test
  void randomBaselineMatchesTheReference() {
    JsonNode b = GOLDEN.get("baseline");
    int pos = b.get("pos").asInt();
    int n = pos + b.get("neg").asInt();
    boolean[] y = new boolean[n];
    java.util.Arrays.fill(y, 0, pos, true);
    NumpyRandomState rs = new NumpyRandomState(0);
    double[] aps = new double[1000];
    for (int i = 0; i < aps.length; i++) {
      aps[i] = Metrics.averagePrecision(y, rs.randomSample(n));
      if (i < 5) {
        assertEquals(b.get("first").get(i).asDouble(), aps[i], 1e-15);
      }
    }
    assertEquals(b.get("mean_ap").asDouble(), Stats.mean(aps), 1e-14);
  }
}

package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Compares the CV logistic regression with scikit-learn's LogisticRegressionCV on seeded synthetic
 * data (fixtures from make_golden.py): same folds, so the chosen C, the fold scores and the
 * validation AP must agree within the tolerances (0.02 each, 0.005 at the median).
 */
class LogisticRegressionCvTest {
  private static final JsonNode GOLDEN = Golden.read("logistic_cv.json.gz");

  @Test
  void agreesWithScikitLearnOnChosenCAndValidationAp() {
    LogisticRegressionCv cv = new LogisticRegressionCv();
    JsonNode cases = GOLDEN.get("cases");
    double[] apGaps = new double[cases.size()];
    int sameC = 0;
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      float[][] x = Golden.floatRows(c.get("x"));
      boolean[] y = Golden.bools(c.get("y"));
      LinearModel model = cv.fit(x, y);
      double[] cs = Golden.doubles(c.get("Cs"));
      for (int k = 0; k < cs.length; k++) {
        assertEquals(cs[k], model.cs()[k], cs[k] * 1e-12, "C grid");
      }
      // per-fold, per-C AP
      JsonNode scores = c.get("scores");
      for (int f = 0; f < 5; f++) {
        for (int k = 0; k < cs.length; k++) {
          assertEquals(
              scores.get(f).get(k).asDouble(),
              model.foldScores()[f][k],
              0.02,
              "case " + i + " fold " + f + " C " + cs[k]);
        }
      }
      double expectedC = c.get("C").asDouble();
      if (Math.abs(expectedC - model.c()) <= expectedC * 1e-9) {
        sameC++;
      } else {
        // a different C is only acceptable where scikit-learn's own CV curve is flat
        double[] sk = meanPerC(scores);
        int mine = model.chosenIndex();
        assertEquals(
            Arrays.stream(sk).max().getAsDouble(),
            sk[mine],
            0.005,
            "case " + i + ": chose C=" + model.c() + " where scikit-learn chose " + expectedC);
      }
      float[][] xv = Golden.floatRows(c.get("xv"));
      boolean[] yv = Golden.bools(c.get("yv"));
      double[] p = new double[xv.length];
      for (int r = 0; r < xv.length; r++) {
        p[r] = model.probability(xv[r]);
      }
      apGaps[i] = Math.abs(Metrics.averagePrecision(yv, p) - c.get("val_ap").asDouble());
      assertTrue(apGaps[i] <= 0.02, "case " + i + " validation AP gap " + apGaps[i]);
    }
    Arrays.sort(apGaps);
    assertTrue(apGaps[apGaps.length / 2] <= 0.005, "median AP gap " + apGaps[apGaps.length / 2]);
    assertTrue(sameC >= cases.size() - 1, "same C on only " + sameC + " of " + cases.size());
  }

  @Test
  void agreesWithScikitLearnOnEmbeddingLikeData() {
    LogisticRegressionCv cv = new LogisticRegressionCv();
    for (JsonNode c : Golden.read("logistic_cv_embedding_like.json").get("cases")) {
      EmbeddingLikeData data =
          new EmbeddingLikeData(
              c.get("seed").asLong(),
              c.get("n").asInt(),
              c.get("d").asInt(),
              c.get("rate").asDouble(),
              c.get("sep").asDouble());
      String at = "seed " + c.get("seed").asLong();
      JsonNode check = c.get("x_check");
      assertEquals(check.get(0).floatValue(), data.x[0][0], at);
      assertEquals(
          check.get(1).floatValue(), data.x[data.x.length - 1][c.get("d").asInt() - 1], at);
      assertEquals(check.get(2).floatValue(), data.xv[3][7], at);
      LinearModel model = cv.fit(data.x, data.y);
      double[] sk = meanPerC(c.get("scores"));
      double[] mine = model.meanScoresPerC();
      for (int k = 0; k < sk.length; k++) {
        assertEquals(sk[k], mine[k], 0.02, at + " mean CV AP at C index " + k);
      }
      double expectedC = c.get("C").asDouble();
      if (Math.abs(expectedC - model.c()) > expectedC * 1e-9) {
        assertEquals(
            Arrays.stream(sk).max().getAsDouble(),
            sk[model.chosenIndex()],
            0.005,
            at + ": chose C=" + model.c() + " where scikit-learn chose " + expectedC);
      }
      double[] p = new double[data.xv.length];
      for (int r = 0; r < p.length; r++) {
        p[r] = model.probability(data.xv[r]);
      }
      assertEquals(c.get("val_ap").asDouble(), Metrics.averagePrecision(data.yv, p), 0.02, at);
    }
  }

  private static double[] meanPerC(JsonNode scores) {
    int cs = scores.get(0).size();
    double[] out = new double[cs];
    for (JsonNode fold : scores) {
      for (int k = 0; k < cs; k++) {
        out[k] += fold.get(k).asDouble() / scores.size();
      }
    }
    return out;
  }

  @Test
  void recordsQualityAndRefusesOneClass() {
    JsonNode c = GOLDEN.get("cases").get(0);
    LinearModel model =
        new LogisticRegressionCv().fit(Golden.floatRows(c.get("x")), Golden.bools(c.get("y")));
    ModelQuality q = ModelQuality.of(model);
    double[] atBest = new double[5];
    for (int f = 0; f < 5; f++) {
      atBest[f] = model.foldScores()[f][model.chosenIndex()];
    }
    assertEquals(Stats.mean(atBest), q.meanAp());
    assertEquals(Stats.std(atBest), q.stdAp());
    assertEquals(64, model.fingerprint().length());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new LogisticRegressionCv().fit(new float[][] {{1f}, {2f}}, new boolean[] {true, true}));
  }

  @Test
  void sameDataGivesTheSameModelBitForBit() {
    // the first fits run partly interpreted, later ones compiled: results must not depend on that
    EmbeddingLikeData data = new EmbeddingLikeData(203, 40, 512, 0.25, 0.1);
    LinearModel first = new LogisticRegressionCv().fit(data.x, data.y);
    for (int i = 0; i < 3; i++) {
      LinearModel again =
          new LogisticRegressionCv(LogisticRegressionCv.Options.defaults().withThreads(1))
              .fit(data.x, data.y);
      assertTrue(Arrays.equals(first.weights(), again.weights()), "run " + i);
      assertEquals(first.bias(), again.bias());
      assertTrue(Arrays.deepEquals(first.foldScores(), again.foldScores()));
    }
  }

  @Test
  void picksTheFirstNaNAsNumpyArgmaxDoes() {
    double[][] scores = {{0.5, 0.9, Double.NaN}, {0.5, 0.9, 0.4}};
    assertEquals(2, LogisticRegressionCv.bestIndex(scores));
    assertEquals(1, LogisticRegressionCv.bestIndex(new double[][] {{0.5, 0.9, 0.9}}));
  }

  @Test
  void middleTieBreakKeepsScoresApartOnSeparableSetsWhereTheProtocolsFirstFlattensThem() {
    // Two well separated clusters: every C reaches fold AP 1, so all ten Cs tie.
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    int n = 40;
    int dim = 16;
    float[][] x = new float[n][dim];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2 == 0;
      for (int j = 0; j < dim; j++) {
        x[i][j] = (float) ((j == 0 ? (y[i] ? 1 : -1) : 0) + 0.05 * rnd.nextGaussian());
      }
    }
    LogisticRegressionCv.Options protocol = LogisticRegressionCv.Options.defaults();
    LinearModel first = new LogisticRegressionCv(protocol).fit(x, y);
    LinearModel middle =
        new LogisticRegressionCv(protocol.withTieBreak(LogisticRegressionCv.TieBreak.MIDDLE))
            .fit(x, y);
    assertEquals(protocol.cs()[0], first.c(), "the protocol keeps numpy's first maximum");
    assertEquals(protocol.cs()[5], middle.c(), "the middle of ten tied Cs");
    assertTrue(spread(middle, x) > 0.5, "scores of the middle C separate the classes");
    assertTrue(spread(first, x) < 0.01, "the smallest C leaves every score near the prior");
  }

  private static double spread(LinearModel model, float[][] x) {
    double lo = 1;
    double hi = 0;
    for (float[] row : x) {
      double p = model.probability(row);
      lo = Math.min(lo, p);
      hi = Math.max(hi, p);
    }
    return hi - lo;
  }
}

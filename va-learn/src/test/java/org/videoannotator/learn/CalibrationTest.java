package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * The demo's collapse: a model chosen for AP with a tiny C ranks well but gives every clip nearly
 * the positive rate, so a 0.5 cut calls everything "yes". Calibration must spread the scores and
 * put the threshold where it separates.
 */
class CalibrationTest {
  private static final int DIM = 16;

  /** Rows of two noisy clusters; {@code positive[i]} says which. Seeded. */
  private static float[][] rows(boolean[] positive, long seed) {
    Random random = new Random(seed);
    float[][] x = new float[positive.length][DIM];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < DIM; j++) {
        x[i][j] = (float) (random.nextGaussian() * 0.6 + (j < 4 ? (positive[i] ? 1 : -1) : 0));
      }
    }
    return x;
  }

  @Test
  void aTinyCModelIsSpreadAndThresholdedWhereItSeparates() {
    // 14 yes / 9 no, as in the second demo build.
    boolean[] y = new boolean[23];
    for (int i = 0; i < 14; i++) {
      y[i] = true;
    }
    float[][] x = rows(y, 1);
    FloatMatrix matrix = FloatMatrix.ofRows(x);
    int[] rows = new int[y.length];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    LogisticRegressionCv.Options tiny =
        new LogisticRegressionCv.Options(5, new double[] {1e-4}, 0, 1000, 1e-4, 1);
    LinearModel model = new LogisticRegressionCv(tiny).fit(matrix, rows, y, "test");
    // The collapse itself: every probability near the yes-rate 14/23 = 0.61.
    boolean[] corpusTruth = new boolean[2_000];
    for (int i = 0; i < corpusTruth.length; i += 10) {
      corpusTruth[i] = true; // 10 % of the corpus is "yes"
    }
    float[][] corpus = rows(corpusTruth, 2);
    double min = 1;
    double max = 0;
    for (float[] row : corpus) {
      double p = model.probability(row);
      min = Math.min(min, p);
      max = Math.max(max, p);
    }
    assertTrue(
        min > 0.5 && max - min < 0.05,
        "the uncalibrated model is flat above 0.5: " + min + ".." + max);

    Calibration.Result calibrated = Calibration.calibrate(matrix, rows, y, model, tiny);
    assertTrue(calibrated.slope() > 10, "the logits are stretched: a = " + calibrated.slope());
    int calledYes = 0;
    int correct = 0;
    for (int i = 0; i < corpus.length; i++) {
      boolean yes = calibrated.model().probability(corpus[i]) >= calibrated.threshold();
      calledYes += yes ? 1 : 0;
      correct += yes == corpusTruth[i] ? 1 : 0;
    }
    assertTrue(
        calledYes < 400,
        "about 10 % of the corpus is yes, the model says " + calledYes + " of 2000");
    assertTrue(correct > 1_800, "calibrated decisions are mostly right: " + correct + " of 2000");
    assertTrue(calibrated.precision() > 0.8 && calibrated.recall() > 0.8, calibrated.toString());
    // The ranking is unchanged: calibration is monotone.
    assertEquals(
        Math.signum(model.logit(corpus[0]) - model.logit(corpus[1])),
        Math.signum(calibrated.model().logit(corpus[0]) - calibrated.model().logit(corpus[1])));
  }

  @Test
  void thresholdMaximisesF1AndTiesGoHigh() {
    double[] p = {0.9, 0.8, 0.8, 0.3, 0.2};
    boolean[] y = {true, true, false, true, false};
    double[] best = Calibration.bestF1Threshold(p, y);
    // p >= 0.3 calls 4 yes with 3 right: F1 = 2 * 0.75 * 1 / 1.75 = 0.857; p >= 0.8: 2/3 and 2/3.
    assertEquals(0.3, best[0]);
    assertEquals(0.75, best[1], 1e-12);
    assertEquals(1.0, best[2], 1e-12);
  }

  @Test
  void plattFitIsDeterministicAndIncreasing() {
    double[] f = {-2, -1, -0.5, 0.2, 0.5, 1, 2, 3};
    boolean[] y = {false, false, true, false, true, true, true, true};
    double[] ab = Calibration.plattFit(f, y);
    assertTrue(ab[0] > 0, "a = " + ab[0]);
    double[] again = Calibration.plattFit(f, y);
    assertEquals(ab[0], again[0]);
    assertEquals(ab[1], again[1]);
  }

  @Test
  void aCalibrationNeverReversesOrFlattensTheModelsRanking() {
    // Out-of-fold scores that rank the answers backwards (few or unlike labels): Platt's slope is
    // negative, and applying it would serve the model's scores upside down.
    double[] outOfFold = {2.0, 1.5, 1.0, 0.5, -0.5, -1.0, -1.5, -2.0};
    boolean[] y = {false, false, false, true, false, true, true, true};
    assertTrue(Calibration.plattFit(outOfFold, y)[0] < 0, "the unguarded fit would reverse");
    double[] ab = Calibration.rankKeepingFit(outOfFold, y);
    // the model's own order, a standard deviation per unit of logit, centred on the labelled share
    assertEquals(1 / Math.sqrt(1.875), ab[0], 1e-12);
    double prior = Calibration.labelledPrior(y);
    assertEquals(Math.log(prior / (1 - prior)), ab[1], 1e-12, "the scores' mean is 0");
    // A weakly regularised model's scores (+-100): on its raw scale their probabilities all round
    // to the same floats at the top; on the standard scale they stay apart, in the same order.
    double[] huge = {120, 110, 100, 90, -90, -100, -110, -120};
    double[] standard = Calibration.rankKeepingFit(huge, y);
    float above = Float.POSITIVE_INFINITY;
    for (double v : huge) {
      float p = (float) LogisticLoss.sigmoid(standard[0] * v + standard[1]);
      assertTrue(p < above, "ordered and apart: " + p + " after " + above);
      above = p;
    }
    assertEquals((float) LogisticLoss.sigmoid(110), (float) LogisticLoss.sigmoid(120));
    // Scores that rank keep Platt's fit.
    double[] ranking = {-2.0, -1.5, -1.0, -0.5, 0.5, 1.0, 1.5, 2.0};
    assertEquals(
        Calibration.plattFit(ranking, y)[0], Calibration.rankKeepingFit(ranking, y)[0], 0.0);
  }
}

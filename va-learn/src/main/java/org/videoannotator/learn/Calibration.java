package org.videoannotator.learn;

import java.util.Arrays;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * Probabilities an editor can threshold, and the threshold to use, for a model chosen by
 * cross-validated average precision.
 *
 * <p>AP only judges the ranking: a tiny C can rank well while every probability sits near the
 * positive rate (the demo's "AP 0.96" model scored every clip 0.606-0.610, so anything cut at 0.5
 * called all of them "yes"). So, as Platt scaling does: the model is refitted at its chosen C on
 * each training fold (the same stratified folds, the same seed), every training row gets an
 * out-of-fold score {@code w.x} (without the fold model's intercept: at a tiny C the intercepts,
 * which follow each fold's class balance, would swamp the small {@code w.x} and even reverse the
 * fit), and a sigmoid {@code 1 / (1 + exp(-(a * w.x + b)))} is fitted to those scores by maximum
 * likelihood with Platt's smoothed targets. The calibrated model is again a {@link LinearModel}
 * (weights times {@code a}, bias {@code b}), so every scorer and feed uses it unchanged. The
 * decision threshold maximises F1 on the calibrated out-of-fold probabilities and is reported with
 * its precision and recall there. Deterministic: same data and options, same result.
 *
 * <p>Both the probabilities and that threshold are fitted on the labelled set, whose class balance
 * the annotation loop biases on purpose (search and the top-positive feed pick likely positives):
 * they hold for that balance, not the corpus's. {@code org.videoannotator.learn.estimate} corrects
 * them to the corpus from {@link Result#outOfFold()} and {@link #labelledPrior(boolean[])}.
 */
public final class Calibration {
  private static final int NEWTON_STEPS = 100;

  private Calibration() {}

  /**
   * A calibrated model and its decision threshold.
   *
   * @param model the calibrated model (probabilities on the Platt scale)
   * @param slope Platt's {@code a}: the factor on the original weights (> 0 unless the folds
   *     reversed the ranking)
   * @param intercept Platt's {@code b}
   * @param threshold a clip is "yes" when its calibrated probability is at least this
   * @param precision out-of-fold precision at the threshold
   * @param recall out-of-fold recall at the threshold
   * @param f1 out-of-fold F1 at the threshold
   * @param folds folds used for the out-of-fold decision values
   * @param outOfFold each labelled row's out-of-fold {@code w.x}, in the order of the rows given
   *     (its calibrated logit is {@code slope * outOfFold + intercept})
   */
  public record Result(
      LinearModel model,
      double slope,
      double intercept,
      double threshold,
      double precision,
      double recall,
      double f1,
      int folds,
      double[] outOfFold) {
    /**
     * Out-of-fold {precision, recall} on the labelled rows ({@code y}, in calibration order) of the
     * cut "yes from {@code threshold}", for a threshold chosen elsewhere (for the corpus).
     */
    public double[] precisionRecallAt(double threshold, boolean[] y) {
      int tp = 0;
      int called = 0;
      int positives = 0;
      for (int i = 0; i < y.length; i++) {
        boolean yes = LogisticLoss.sigmoid(slope * outOfFold[i] + intercept) >= threshold;
        called += yes ? 1 : 0;
        tp += yes && y[i] ? 1 : 0;
        positives += y[i] ? 1 : 0;
      }
      return new double[] {
        called == 0 ? 0 : (double) tp / called, positives == 0 ? 0 : (double) tp / positives
      };
    }
  }

  /**
   * Calibrates {@code model}, which was fitted on {@code rows} of {@code matrix} with labels {@code
   * y} (in that order) with {@code options}.
   */
  public static Result calibrate(
      FloatMatrix matrix,
      int[] rows,
      boolean[] y,
      LinearModel model,
      LogisticRegressionCv.Options options) {
    if (rows.length != y.length) {
      throw new IllegalArgumentException(rows.length + " rows but " + y.length + " labels");
    }
    float[] x = LogisticRegressionCv.gather(matrix, rows);
    double[] outOfFold = outOfFoldScores(x, matrix.dim(), y, model.c(), options);
    double[] ab = rankKeepingFit(outOfFold, y);
    double[] p = new double[y.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = LogisticLoss.sigmoid(ab[0] * outOfFold[i] + ab[1]);
    }
    double[] best = bestF1Threshold(p, y);
    float[] weights = new float[model.dim()];
    for (int j = 0; j < weights.length; j++) {
      weights[j] = (float) (model.weights()[j] * ab[0]);
    }
    LinearModel calibrated =
        new LinearModel(
            weights,
            ab[1],
            model.c(),
            model.cs(),
            model.foldScores(),
            model.cvMean(),
            model.cvStd(),
            model.positives(),
            model.negatives(),
            model.fingerprint(),
            model.created());
    return new Result(
        calibrated, ab[0], ab[1], best[0], best[1], best[2], best[3], options.folds(), outOfFold);
  }

  /**
   * Platt's fit, or the model's own ranking on a standard scale ({@link #standardScale}) when its
   * slope is not positive. A calibration must keep the model's ranking: where the out-of-fold
   * scores did not rank the held-out answers (few or unlike labels), a slope of 0 or below would
   * flatten or reverse every score, and with them the feeds, the AP and the decision. On generated
   * data a model that ranked the hold-out at AP 0.28 served scores at AP 0.03 that way.
   */
  static double[] rankKeepingFit(double[] outOfFold, boolean[] y) {
    double[] ab = plattFit(outOfFold, y);
    return ab[0] > 0 && Double.isFinite(ab[1]) ? ab : standardScale(outOfFold, y);
  }

  /**
   * A slope and intercept that keep the scores' order and put them one standard deviation apart per
   * unit of logit, centred on the labelled share of "yes" (smoothed as Platt's targets are). Why
   * not the model's raw {@code w.x}: a weakly regularised model's scores run to +-100 and beyond,
   * where every probability rounds to the same float 1.0, and no threshold on the stored
   * probabilities can then call fewer clips "yes" than all of those (one such build called 38 % of
   * a corpus "yes" for an estimated prevalence of 14 %).
   */
  static double[] standardScale(double[] scores, boolean[] y) {
    double sd = Stats.std(scores);
    if (!(sd > 0) || !Double.isFinite(sd)) {
      return new double[] {1, 0};
    }
    double a = 1 / sd;
    double prior = labelledPrior(y);
    return new double[] {a, Math.log(prior / (1 - prior)) - a * Stats.mean(scores)};
  }

  /** {@code w.x} of every row, {@code w} fitted at {@code c} without that row's fold. */
  static double[] outOfFoldScores(
      float[] x, int dim, boolean[] y, double c, LogisticRegressionCv.Options options) {
    int[] testFold = StratifiedKFold.testFolds(y, options.folds(), options.seed());
    double[] out = new double[y.length];
    for (int fold = 0; fold < options.folds(); fold++) {
      int nTrain = 0;
      for (int t : testFold) {
        nTrain += t == fold ? 0 : 1;
      }
      float[] trainX = new float[nTrain * dim];
      boolean[] trainY = new boolean[nTrain];
      int tr = 0;
      for (int i = 0; i < y.length; i++) {
        if (testFold[i] != fold) {
          System.arraycopy(x, i * dim, trainX, tr * dim, dim);
          trainY[tr++] = y[i];
        }
      }
      double[] w = new double[dim + 1];
      LbfgsMinimizer.minimize(
          new LogisticLoss(trainX, trainY, dim, c),
          w,
          options.gtol(),
          LbfgsMinimizer.SCIPY_FTOL,
          options.maxIter());
      for (int i = 0; i < y.length; i++) {
        if (testFold[i] == fold) {
          double s = 0;
          for (int j = 0; j < dim; j++) {
            s += x[i * dim + j] * w[j];
          }
          out[i] = s;
        }
      }
    }
    return out;
  }

  /**
   * Platt's sigmoid fit {@code p = sigmoid(a * f + b)} by Newton's method with backtracking (Lin,
   * Lin and Weng's robust form), targets smoothed to {@code (N+ + 1) / (N+ + 2)} and {@code 1 / (N-
   * + 2)} so that separable folds do not send {@code a} to infinity.
   */
  public static double[] plattFit(double[] f, boolean[] y) {
    int pos = 0;
    for (boolean b : y) {
      pos += b ? 1 : 0;
    }
    int neg = y.length - pos;
    return sigmoidFit(f, smoothedTargets(y), Math.log((pos + 1.0) / (neg + 1.0)));
  }

  /**
   * The sigmoid {@code p = sigmoid(a * f + b)} closest in cross-entropy to targets {@code t} in [0,
   * 1] (Newton's method with backtracking from {@code a = 0, b = b0}): {a, b}.
   */
  public static double[] sigmoidFit(double[] f, double[] t, double b0) {
    return sigmoidFit(f, t, 0, b0, NEWTON_STEPS);
  }

  /**
   * At most {@code steps} Newton steps from {@code a0, b0}, each one lowering the cross-entropy.
   */
  private static double[] sigmoidFit(double[] f, double[] t, double a0, double b0, int steps) {
    double a = a0;
    double b = b0;
    double loss = plattLoss(f, t, a, b);
    double[] p = new double[f.length];
    for (int step = 0; step < steps; step++) {
      for (int i = 0; i < f.length; i++) {
        p[i] = LogisticLoss.sigmoid(a * f[i] + b);
      }
      SigmoidNewton.Step next =
          SigmoidNewton.step(f, t, p, a, b, loss, (ta, tb) -> plattLoss(f, t, ta, tb));
      if (!next.moved()) {
        break;
      }
      a = next.a();
      b = next.b();
      boolean converged = loss - next.loss() < 1e-12 * Math.max(1, Math.abs(loss));
      loss = next.loss();
      if (converged) {
        break;
      }
    }
    return new double[] {a, b};
  }

  /**
   * The prior the calibrated probabilities assume: the mean of Platt's smoothed targets, which the
   * fitted sigmoid reproduces exactly (its intercept's gradient is {@code sum(p - t)}), close to
   * the labelled set's share of "yes".
   */
  public static double labelledPrior(boolean[] y) {
    double sum = 0;
    for (double t : smoothedTargets(y)) {
      sum += t;
    }
    return sum / y.length;
  }

  /** Platt's targets: {@code (N+ + 1) / (N+ + 2)} for "yes", {@code 1 / (N- + 2)} for "no". */
  private static double[] smoothedTargets(boolean[] y) {
    int pos = 0;
    for (boolean b : y) {
      pos += b ? 1 : 0;
    }
    double hi = (pos + 1.0) / (pos + 2.0);
    double lo = 1.0 / (y.length - pos + 2.0);
    double[] t = new double[y.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = y[i] ? hi : lo;
    }
    return t;
  }

  /** {@code log(1 + e^z)}, computed without overflow. */
  private static double softplus(double z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }

  private static double plattLoss(double[] f, double[] t, double a, double b) {
    double sum = 0;
    for (int i = 0; i < f.length; i++) {
      double z = a * f[i] + b;
      sum += softplus(z) - t[i] * z;
    }
    return sum;
  }

  /**
   * The threshold with the best F1 when "yes" means {@code p >= threshold}: {threshold, precision,
   * recall, f1}. Ties go to the higher threshold (fewer clips called "yes").
   */
  static double[] bestF1Threshold(double[] p, boolean[] y) {
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (i, j) -> Double.compare(p[j], p[i]));
    int positives = 0;
    for (boolean b : y) {
      positives += b ? 1 : 0;
    }
    double[] best = {1.0, 0, 0, -1};
    int tp = 0;
    int called = 0;
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      called++;
      tp += y[i] ? 1 : 0;
      boolean lastOfTie = k + 1 == order.length || p[order[k + 1]] < p[i];
      if (!lastOfTie) {
        continue;
      }
      double precision = (double) tp / called;
      double recall = positives == 0 ? 0 : (double) tp / positives;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      if (f1 > best[3]) {
        best = new double[] {p[i], precision, recall, f1};
      }
    }
    return best;
  }
}

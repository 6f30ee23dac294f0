package org.videoannotator.learn;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.vectors.PairwiseSum;

/**
 * Ranking metrics exactly as scikit-learn defines them (the reference pins scikit-learn 0.24.2).
 * Scores are sorted once, tied scores form one threshold, and sums use numpy's pairwise summation
 * so the figures agree with scikit-learn's to the last bits.
 *
 * <p>Without a positive average precision is undefined; it is 0 here (logged), as in the
 * scikit-learn the reference code runs on (1.2, Debian's): {@code average_precision_score} warns
 * and returns 0, so a CV fold without a positive scores 0 for every C and a bootstrap without a
 * positive counts as 0 in the mean. ROC AUC with one class only is NaN (logged).
 */
public final class Metrics {
  private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);

  /** Undefined metrics are common in CV on rare labels: warn once, then log at debug level. */
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private Metrics() {}

  /** Counts at each distinct threshold, highest score first (scikit-learn's binary_clf_curve). */
  private record Curve(double[] tps, double[] fps) {}

  /**
   * {@code sklearn.metrics.average_precision_score(y, score)}: sum over distinct thresholds of (R_n
   * - R_{n-1}) * P_n, no interpolation. 0 (logged) when {@code y} has no positive.
   */
  public static double averagePrecision(boolean[] y, double[] score) {
    Curve curve = curve(y, score);
    double[] tps = curve.tps;
    double[] fps = curve.fps;
    int m = tps.length;
    double totalPositives = tps[m - 1];
    if (totalPositives == 0) {
      undefined("average precision of {} items without a positive is undefined: 0", y.length);
      return 0.0;
    }
    // scikit-learn 0.24 stops the curve at the first threshold reaching full recall
    int last = 0;
    while (tps[last] < totalPositives) {
      last++;
    }
    // reversed: recall decreasing, then the (recall 0, precision 1) end point
    int len = last + 2;
    double[] precision = new double[len];
    double[] recall = new double[len];
    for (int i = 0; i <= last; i++) {
      int src = last - i;
      precision[i] = tps[src] / (tps[src] + fps[src]);
      recall[i] = tps[src] / totalPositives;
    }
    precision[len - 1] = 1;
    recall[len - 1] = 0;
    double[] terms = new double[len - 1];
    for (int i = 0; i < len - 1; i++) {
      terms[i] = (recall[i + 1] - recall[i]) * precision[i];
    }
    return -PairwiseSum.sum(terms);
  }

  /** {@link #averagePrecision(boolean[], double[])} over float scores. */
  public static double averagePrecision(boolean[] y, float[] score) {
    return averagePrecision(y, toDouble(score));
  }

  /**
   * {@code sklearn.metrics.roc_auc_score(y, score)} (trapezoids over the ROC curve with collinear
   * points dropped). NaN (logged) when only one class is present.
   */
  public static double rocAuc(boolean[] y, double[] score) {
    Curve curve = curve(y, score);
    double[] tps = curve.tps;
    double[] fps = curve.fps;
    int m = tps.length;
    if (tps[m - 1] == 0 || fps[m - 1] == 0) {
      undefined("ROC AUC of {} items with only one class is undefined: NaN", y.length);
      return Double.NaN;
    }
    // drop_intermediate: keep the ends and points where the curve bends
    int[] keep = new int[m];
    int kept = 0;
    for (int i = 0; i < m; i++) {
      boolean end = i == 0 || i == m - 1 || m <= 2;
      if (end
          || (fps[i + 1] - 2 * fps[i] + fps[i - 1]) != 0
          || (tps[i + 1] - 2 * tps[i] + tps[i - 1]) != 0) {
        keep[kept++] = i;
      }
    }
    double[] fpr = new double[kept + 1];
    double[] tpr = new double[kept + 1];
    for (int i = 0; i < kept; i++) {
      fpr[i + 1] = fps[keep[i]] / fps[m - 1];
      tpr[i + 1] = tps[keep[i]] / tps[m - 1];
    }
    double[] terms = new double[kept];
    for (int i = 0; i < kept; i++) {
      terms[i] = (fpr[i + 1] - fpr[i]) * (tpr[i + 1] + tpr[i]) / 2.0;
    }
    return PairwiseSum.sum(terms);
  }

  /** {@link #rocAuc(boolean[], double[])} over float scores. */
  public static double rocAuc(boolean[] y, float[] score) {
    return rocAuc(y, toDouble(score));
  }

  private static void undefined(String message, int items) {
    if (WARNED.compareAndSet(false, true)) {
      LOG.warn(message + " (further cases are logged at debug level)", items);
    } else {
      LOG.debug(message, items);
    }
  }

  private static Curve curve(boolean[] y, double[] score) {
    if (y.length != score.length) {
      throw new IllegalArgumentException(
          "labels and scores differ in length: " + y.length + " vs " + score.length);
    }
    if (y.length == 0) {
      throw new IllegalArgumentException("no items to score");
    }
    // Highest score first. The order within a tie does not matter (a tie is one threshold), so
    // the positives' and the negatives' scores are sorted apart as primitives and merged. (Each
    // loop is a method of its own, for the JIT to compile alone.)
    int positives = countPositives(y, score);
    double[] pos = new double[positives];
    double[] neg = new double[y.length - positives];
    split(y, score, pos, neg);
    Arrays.sort(pos);
    Arrays.sort(neg);
    double[] tps = new double[y.length];
    double[] fps = new double[y.length];
    int m = thresholds(pos, neg, tps, fps);
    return new Curve(Arrays.copyOf(tps, m), Arrays.copyOf(fps, m));
  }

  /** The positives in {@code y}; fails on a score that is not finite. */
  private static int countPositives(boolean[] y, double[] score) {
    int positives = 0;
    for (int i = 0; i < y.length; i++) {
      if (!Double.isFinite(score[i])) {
        throw new IllegalArgumentException("score " + i + " is not finite: " + score[i]);
      }
      positives += y[i] ? 1 : 0;
    }
    return positives;
  }

  private static void split(boolean[] y, double[] score, double[] pos, double[] neg) {
    int pi = 0;
    int ni = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i]) {
        pos[pi++] = score[i];
      } else {
        neg[ni++] = score[i];
      }
    }
  }

  /**
   * Walks the sorted positive and negative scores from the highest down, one distinct score at a
   * time: all items equal to it ({@code ==}, so -0.0 and 0.0 are one) leave both arrays, then the
   * counts so far go to {@code tps} / {@code fps}. Returns the thresholds.
   */
  private static int thresholds(double[] pos, double[] neg, double[] tps, double[] fps) {
    int m = 0;
    int pi = pos.length - 1;
    int ni = neg.length - 1;
    while (pi >= 0 || ni >= 0) {
      double threshold = ni < 0 || (pi >= 0 && pos[pi] >= neg[ni]) ? pos[pi] : neg[ni];
      while (pi >= 0 && pos[pi] == threshold) {
        pi--;
      }
      while (ni >= 0 && neg[ni] == threshold) {
        ni--;
      }
      tps[m] = pos.length - 1 - pi;
      fps[m] = neg.length - 1 - ni;
      m++;
    }
    return m;
  }

  private static double[] toDouble(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}

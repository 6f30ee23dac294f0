package org.videoannotator.learn.estimate;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntPredicate;

/**
 * The model's logits over a set of clips, as weighted points: every logit when there are few,
 * otherwise a histogram of {@value #BINS} equal-width bins, each represented by its members' mean
 * and count. The prior-shift estimate is re-run on hundreds of bootstrap refits, so this keeps it
 * independent of the corpus size; a bin is at most 1/{@value #BINS} of the logit range wide, far
 * below what moves an estimated prior.
 */
public final class LogitSample {
  static final int BINS = 2048;

  private final double[] logits;
  private final double[] counts;
  private final double total;

  private LogitSample(double[] logits, double[] counts) {
    this.logits = logits;
    this.counts = counts;
    double t = 0;
    for (double c : counts) {
      t += c;
    }
    this.total = t;
  }

  /** The logits of every row not {@code skipped}. */
  public static LogitSample of(float[] logits, IntPredicate skipped) {
    int n = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logits.length; i++) {
      if (!skipped.test(i)) {
        n++;
        min = Math.min(min, logits[i]);
        max = Math.max(max, logits[i]);
      }
    }
    if (n <= BINS || max == min) {
      double[] values = new double[n];
      for (int i = 0, j = 0; i < logits.length; i++) {
        if (!skipped.test(i)) {
          values[j++] = logits[i];
        }
      }
      double[] ones = new double[n];
      Arrays.fill(ones, 1);
      return new LogitSample(values, ones);
    }
    double[] sums = new double[BINS];
    double[] counts = new double[BINS];
    double width = (max - min) / BINS;
    for (int i = 0; i < logits.length; i++) {
      if (!skipped.test(i)) {
        int bin = Math.min(BINS - 1, (int) ((logits[i] - min) / width));
        sums[bin] += logits[i];
        counts[bin]++;
      }
    }
    int used = 0;
    for (int b = 0; b < BINS; b++) {
      if (counts[b] > 0) {
        sums[used] = sums[b] / counts[b];
        counts[used++] = counts[b];
      }
    }
    return new LogitSample(Arrays.copyOf(sums, used), Arrays.copyOf(counts, used));
  }

  /** The same clips scored {@code scale * logit + offset} (a refitted Platt sigmoid). */
  LogitSample map(double scale, double offset) {
    double[] out = new double[logits.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = scale * logits[i] + offset;
    }
    return new LogitSample(out, counts);
  }

  /**
   * How far the mean of {@code f} over these clips could move if every clip below {@code lowest}
   * were anywhere in {@code [floor, f(lowest)]} and every clip above {@code highest} anywhere in
   * {@code [f(highest), ceiling]} ({@code f} rising): {down, up}, as shares of the clips.
   */
  double[] extrapolationSlack(
      double lowest, double highest, DoubleUnaryOperator f, double floor, double ceiling) {
    double down = 0;
    double up = 0;
    for (int i = 0; i < logits.length; i++) {
      double v = f.applyAsDouble(logits[i]);
      if (logits[i] < lowest) {
        down += counts[i] * Math.max(0, v - floor);
        up += counts[i] * Math.max(0, f.applyAsDouble(lowest) - v);
      } else if (logits[i] > highest) {
        down += counts[i] * Math.max(0, v - f.applyAsDouble(highest));
        up += counts[i] * Math.max(0, ceiling - v);
      }
    }
    return new double[] {down / total, up / total};
  }

  /** How many clips. */
  public double size() {
    return total;
  }

  /** The mean probability after adding {@code shift} to every logit. */
  double meanProbability(double shift) {
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      sum += counts[i] * Logits.sigmoid(logits[i] + shift);
    }
    return sum / total;
  }

  /**
   * Each clip's likelihood ratio up to a constant, {@code o = exp(logit - base)}, for {@link
   * #likelihoodSlope}: computed once, since a bisection asks for the slope at dozens of priors.
   */
  double[] likelihoodRatios(double base) {
    double[] o = new double[logits.length];
    for (int i = 0; i < o.length; i++) {
      o[i] = Math.exp(Math.min(700, logits[i] - base));
    }
    return o;
  }

  /**
   * The derivative in {@code prior} of Saerens' log-likelihood {@code sum log(prior * o + 1 -
   * prior)}, {@code o} the clips' {@link #likelihoodRatios}.
   */
  double likelihoodSlope(double[] ratios, double prior) {
    double sum = 0;
    for (int i = 0; i < ratios.length; i++) {
      double o = ratios[i];
      sum += counts[i] * (o - 1) / (1 + prior * (o - 1));
    }
    return sum;
  }
}

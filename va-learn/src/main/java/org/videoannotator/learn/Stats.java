package org.videoannotator.learn;

import java.util.Arrays;
import org.videoannotator.core.vectors.PairwiseSum;

/** numpy-style summary statistics. */
public final class Stats {
  private Stats() {}

  /** Arithmetic mean ({@code np.mean}); NaN for no values. */
  public static double mean(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    return PairwiseSum.sum(values) / values.length;
  }

  /** Population standard deviation ({@code np.std}, ddof 0); NaN for no values. */
  public static double std(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double mean = mean(values);
    double[] sq = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      double d = values[i] - mean;
      sq[i] = d * d;
    }
    return Math.sqrt(PairwiseSum.sum(sq) / values.length);
  }

  /** Mean and std of the non-NaN values, as the reference's {@code Metric} reports them. */
  public static double[] meanStdIgnoringNaN(double[] values) {
    double[] finite = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    return new double[] {mean(finite), std(finite)};
  }
}

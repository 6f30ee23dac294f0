package org.videoannotator.experiments.protocol;

import org.videoannotator.core.vectors.PairwiseSum;

/**
 * Sums, means and standard deviations computed in the same floating-point order as numpy ({@code
 * np.add.reduce}'s pairwise summation), so figures equal the Python reference to the last bit
 * rather than to a tolerance. The summation itself is va-core's {@link PairwiseSum}, which the
 * learner's metrics share.
 */
public final class NumpyStats {
  private NumpyStats() {}

  /** {@code np.sum(values)} for a contiguous float64 array. */
  public static double sum(double[] values) {
    // add.reduce starts from the identity 0 and adds the pairwise sum of the whole array.
    return 0.0 + PairwiseSum.sum(values);
  }

  /** {@code np.mean(values)}; NaN for an empty array as numpy. */
  public static double mean(double[] values) {
    return sum(values) / values.length;
  }

  /** {@code np.std(values)} (population, ddof 0). */
  public static double std(double[] values) {
    double mean = mean(values);
    double[] squared = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      double d = values[i] - mean;
      squared[i] = d * d;
    }
    return Math.sqrt(sum(squared) / values.length);
  }
}

package org.videoannotator.experiments.protocol;

/**
 * Sums, means and standard deviations computed in the same floating-point order as numpy
 * ({@code np.add.reduce}'s pairwise summation), so figures equal the Python reference to the last
 * bit rather than to a tolerance.
 */
public final class NumpyStats {
  /** numpy's PW_BLOCKSIZE: below it, eight interleaved accumulators; above, a recursive split. */
  private static final int BLOCK = 128;

  private NumpyStats() {}

  /** {@code np.sum(values)} for a contiguous float64 array. */
  public static double sum(double[] values) {
    // add.reduce starts from the identity 0 and adds the pairwise sum of the whole array.
    return 0.0 + pairwise(values, 0, values.length);
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

  private static double pairwise(double[] a, int start, int n) {
    if (n < 8) {
      double res = 0.0;
      for (int i = 0; i < n; i++) {
        res += a[start + i];
      }
      return res;
    }
    if (n <= BLOCK) {
      double[] r = new double[8];
      for (int j = 0; j < 8; j++) {
        r[j] = a[start + j];
      }
      int i = 8;
      for (; i < n - (n % 8); i += 8) {
        for (int j = 0; j < 8; j++) {
          r[j] += a[start + i + j];
        }
      }
      double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        res += a[start + i];
      }
      return res;
    }
    int half = n / 2;
    half -= half % 8;
    return pairwise(a, start, half) + pairwise(a, start + half, n - half);
  }
}

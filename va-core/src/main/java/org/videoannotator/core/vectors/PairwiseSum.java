package org.videoannotator.core.vectors;

/**
 * numpy's pairwise summation of a contiguous double array ({@code np.sum}): blocks of up to 128
 * summed with eight interleaved accumulators, larger arrays split in halves. Matching it makes
 * sums, and so metrics, bit-identical to numpy's rather than merely close.
 */
public final class PairwiseSum {
  private static final int BLOCK = 128;

  private PairwiseSum() {}

  public static double sum(double[] a) {
    return sum(a, 0, a.length);
  }

  /** The pairwise sum of {@code a[from .. from + n)}. */
  public static double sum(double[] a, int from, int n) {
    if (n < 8) {
      double res = 0.0;
      for (int i = 0; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    if (n <= BLOCK) {
      double[] r = new double[8];
      for (int j = 0; j < 8; j++) {
        r[j] = a[from + j];
      }
      int i;
      for (i = 8; i < n - (n % 8); i += 8) {
        for (int j = 0; j < 8; j++) {
          r[j] += a[from + i + j];
        }
      }
      double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    int half = n / 2;
    half -= half % 8;
    return sum(a, from, half) + sum(a, from + half, n - half);
  }
}

package org.videoannotator.experiments.protocol;

/**
 * The decision values {@code X w} of a matrix of rows, rounded as the reference computes them:
 * scikit-learn's {@code decision_function} is one BLAS {@code dgemv} over the float64 copy of the
 * rows, and the OpenBLAS that Debian's numpy runs (0.3.21, Haswell-class kernels, as on the AVX2
 * and AVX-512 machines here) sums a row's products in an order that depends on the row's
 * <em>position</em>: the rows are split between {@value #THREADS} threads above 9,216 products;
 * each thread takes its rows four at a time (four FMA lanes per row, lanes 0+2 and 1+3 added, then
 * those two), then a pair (two lanes, even and odd products, no FMA), then a single row (four
 * lanes, no FMA). So two copies of one shot in a bootstrap can get decision values a few ulps
 * apart, which average precision then counts as two thresholds instead of one: on a validation set
 * of 81 rows one such split moves a bootstrap's AP by a percent. The replays score bootstraps
 * through this class so that their ties are the reference's.
 *
 * <p>Only the tie structure needs this: every other row's value differs from the plain sum by ulps,
 * far below what moves a ranking. Rows whose length is not a multiple of 4, or longer than the
 * kernel's 2,048-element block, fall back to a plain sum (the generated and released sets have 16,
 * 64, 128 or 512 dimensions).
 */
public final class ReferenceGemv {
  /** OpenBLAS's threads on the two-core machine the golden figures come from. */
  public static final int THREADS = 2;

  /** OpenBLAS's {@code 2304 * GEMM_MULTITHREAD_THRESHOLD}: smaller products run on one thread. */
  private static final long MULTITHREAD_PRODUCTS = 2304L * 4;

  private static final int BLOCK = 2048;

  private ReferenceGemv() {}

  /** The three kernels a row's dot product can go through. */
  public enum Kernel {
    /** Four rows at a time: four FMA lanes. */
    FOUR_ROWS,
    /** A pair of rows: two lanes, no FMA. */
    PAIR,
    /** The single row left: four lanes, no FMA. */
    SINGLE
  }

  /** {@code a . x} as {@code kernel} sums it ({@code a} and {@code x} of the same length). */
  public static double dot(Kernel kernel, float[] a, double[] x) {
    if (x.length % 4 != 0 || x.length > BLOCK) {
      return plain(a, x);
    }
    return switch (kernel) {
      case FOUR_ROWS -> fourLanesFma(a, x);
      case PAIR -> twoLanes(a, x);
      case SINGLE -> fourLanes(a, x);
    };
  }

  /** {@code rows[i] . w} for every row, each summed as its position's kernel sums it. */
  public static double[] dots(float[][] rows, double[] w) {
    Kernel[] kernels = kernels(rows.length, w.length);
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = dot(kernels[i], rows[i], w);
    }
    return out;
  }

  /** The kernel each of {@code n} rows of length {@code m} goes through, by position. */
  public static Kernel[] kernels(int n, int m) {
    Kernel[] out = new Kernel[n];
    int threads = (long) m * n < MULTITHREAD_PRODUCTS ? 1 : THREADS;
    int from = 0;
    int left = n;
    for (int t = 0; left > 0; t++) {
      // gemv_thread.c: width = ceil(left / threads left), at least 4
      int width = Math.max(4, (left + threads - t - 1) / (threads - t));
      width = Math.min(width, left);
      thread(from, width, out);
      from += width;
      left -= width;
    }
    return out;
  }

  /** One thread's {@code count} rows from {@code from}: fours, then a pair, then a single row. */
  private static void thread(int from, int count, Kernel[] out) {
    int fours = count & ~3;
    for (int i = 0; i < fours; i++) {
      out[from + i] = Kernel.FOUR_ROWS;
    }
    int i = from + fours;
    if ((count & 2) != 0) {
      out[i++] = Kernel.PAIR;
      out[i++] = Kernel.PAIR;
    }
    if ((count & 1) != 0) {
      out[i] = Kernel.SINGLE;
    }
  }

  /** dgemv_kernel_4x4 (Haswell): lane k accumulates products {@code j = k mod 4} by FMA. */
  static double fourLanesFma(float[] a, double[] x) {
    double l0 = 0;
    double l1 = 0;
    double l2 = 0;
    double l3 = 0;
    for (int j = 0; j < x.length; j += 4) {
      l0 = Math.fma(a[j], x[j], l0);
      l1 = Math.fma(a[j + 1], x[j + 1], l1);
      l2 = Math.fma(a[j + 2], x[j + 2], l2);
      l3 = Math.fma(a[j + 3], x[j + 3], l3);
    }
    return (l0 + l2) + (l1 + l3);
  }

  /** dgemv_kernel_4x2 (SSE2): an even and an odd lane of rounded products. */
  static double twoLanes(float[] a, double[] x) {
    double even = 0;
    double odd = 0;
    for (int j = 0; j < x.length; j += 2) {
      even += a[j] * x[j];
      odd += a[j + 1] * x[j + 1];
    }
    return even + odd;
  }

  /** dgemv_kernel_4x1 (SSE2): four lanes of rounded products, lanes 0+2 and 1+3 added. */
  static double fourLanes(float[] a, double[] x) {
    double l0 = 0;
    double l1 = 0;
    double l2 = 0;
    double l3 = 0;
    for (int j = 0; j < x.length; j += 4) {
      l0 += a[j] * x[j];
      l1 += a[j + 1] * x[j + 1];
      l2 += a[j + 2] * x[j + 2];
      l3 += a[j + 3] * x[j + 3];
    }
    return (l0 + l2) + (l1 + l3);
  }

  private static double plain(float[] a, double[] x) {
    double s = 0;
    for (int j = 0; j < x.length; j++) {
      s += a[j] * x[j];
    }
    return s;
  }
}

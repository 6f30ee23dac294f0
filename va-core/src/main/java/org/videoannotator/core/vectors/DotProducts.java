package org.videoannotator.core.vectors;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's one home for vector kernels: dot products of float32 rows (memory-mapped or in
 * arrays) with float or double vectors, int8 codes, axpy updates and the logistic loss's terms,
 * shared by the exact search and the int8 scan (va-index), the learner and the corpus scorer
 * (va-learn, va-spark). The implementation is chosen once, here: SIMD through {@code
 * jdk.incubator.vector} when that module is present (the launcher and tests add it), otherwise
 * {@link #scalar()}, the one plain-loop fallback. The choice is logged once. Each kernel adds in a
 * fixed order (documented per method), so a given implementation gives the same bits for the same
 * input on any thread, compiled or interpreted; numpy's pairwise sums are {@link PairwiseSum}.
 */
public interface DotProducts {
  /** {@code sum_j row[j] * w[j]} for the {@code w.length} floats at {@code byteOffset}. */
  float dot(MemorySegment segment, long byteOffset, ValueLayout.OfFloat layout, float[] w);

  /**
   * {@code sum_j codes[j] * q[j]} for the {@code q.length} int8 codes at {@code byteOffset}, each
   * code widened to a float: a query pre-multiplied by the codes' scales gives the approximate dot
   * product of the vectors they quantise (the int8 scan's candidates).
   */
  float dotCodes(MemorySegment codes, long byteOffset, float[] q);

  /** {@code sum_j row[j]} for {@code count} floats at {@code byteOffset} (streaming baseline). */
  float sum(MemorySegment segment, long byteOffset, ValueLayout.OfFloat layout, int count);

  /** {@code sum_j a[aOffset + j] * b[j]} for {@code j < n}, in double precision. */
  double dot(float[] a, int aOffset, double[] b, int n);

  /** {@code y[j] += alpha * x[xOffset + j]} for {@code j < n}, in double precision. */
  void axpy(double alpha, float[] x, int xOffset, double[] y, int n);

  /** {@code sum_j a[j] * b[j]} of two double vectors of equal length, in a fixed order. */
  double dot(double[] a, double[] b);

  /** {@code y[j] += alpha * x[xOffset + j]} in float. */
  void axpy(float alpha, float[] x, int xOffset, float[] y, int n);

  /**
   * {@code out[r] = dot(a, offsets[r], b, n)} (float rows, double weights, double sums) for the
   * {@code count} rows at {@code offsets}: the same sums, bit for bit, with each chunk of {@code b}
   * loaded once for all rows.
   */
  default void dots(float[] a, int[] offsets, int count, double[] b, int n, double[] out) {
    for (int r = 0; r < count; r++) {
      out[r] = dot(a, offsets[r], b, n);
    }
  }

  /**
   * {@code axpy(alpha[r], x, offsets[r], y, n)} for {@code r < count} in that order: the same
   * result, bit for bit, with each chunk of {@code y} loaded and stored once for all rows.
   */
  default void axpys(float[] alpha, float[] x, int[] offsets, int count, float[] y, int n) {
    for (int r = 0; r < count; r++) {
      axpy(alpha[r], x, offsets[r], y, n);
    }
  }

  /**
   * {@code axpy(alpha[r], x, offsets[r], y, n)} (double) for {@code r < count} in that order: the
   * same result, bit for bit, with each chunk of {@code y} loaded and stored once per group of
   * rows.
   */
  default void axpys(double[] alpha, float[] x, int[] offsets, int count, double[] y, int n) {
    for (int r = 0; r < count; r++) {
      axpy(alpha[r], x, offsets[r], y, n);
    }
  }

  /**
   * {@code out[r] = sum_j a[offsets[r] + j] * b[j]} with float products summed in float within each
   * SIMD lane and the lanes added in double: about 1e-7 relative, twice the throughput of {@link
   * #dots(float[], int[], int, double[], int, double[])}. For quantities whose rounding does not
   * accumulate (the logistic loss's step along a search line). The same result for a row whether or
   * not it is grouped with others.
   */
  default void dotsFloat(float[] a, int[] offsets, int count, float[] b, int n, double[] out) {
    for (int r = 0; r < count; r++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += a[offsets[r] + j] * b[j];
      }
      out[r] = s;
    }
  }

  /**
   * {@link LogisticTerms#terms}: the same formulas (the same exp and log1p polynomials, so
   * deterministic), several rows at a time where SIMD is available; the loss may be summed in
   * another order than row order.
   */
  default double logisticTerms(double[] margin, double[] factor, int n) {
    return LogisticTerms.terms(margin, factor, n);
  }

  /** A short name for logs and benchmark output. */
  String name();

  /** The process-wide implementation: vectorised if possible. */
  static DotProducts best() {
    return Holder.BEST;
  }

  /** The plain-loop implementation (for comparisons and as the fallback). */
  static DotProducts scalar() {
    return ScalarDotProducts.INSTANCE;
  }

  /** Lazily picks the implementation once. */
  final class Holder {
    private static final Logger LOG = LoggerFactory.getLogger(DotProducts.class);
    static final DotProducts BEST = pick();

    private Holder() {}

    private static DotProducts pick() {
      boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
      if (present) {
        try {
          DotProducts simd = new VectorDotProducts();
          LOG.info("dot products: SIMD via jdk.incubator.vector ({})", simd.name());
          return simd;
        } catch (LinkageError e) {
          LOG.info("dot products: jdk.incubator.vector unusable ({}); plain loop", e.toString());
        }
      } else {
        LOG.info(
            "dot products: jdk.incubator.vector absent (run with --add-modules"
                + " jdk.incubator.vector for SIMD); plain loop");
      }
      return ScalarDotProducts.INSTANCE;
    }
  }
}

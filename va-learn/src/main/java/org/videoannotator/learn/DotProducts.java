package org.videoannotator.learn;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dot products of a float32 row stored in a {@link MemorySegment} with a float[] vector. The
 * implementation is chosen once, here: SIMD through {@code jdk.incubator.vector} when that module
 * is present (the launcher and tests add it), otherwise a plain unrolled loop. The choice is logged
 * once.
 */
public interface DotProducts {
  /** {@code sum_j row[j] * w[j]} for the {@code w.length} floats at {@code byteOffset}. */
  float dot(MemorySegment segment, long byteOffset, ValueLayout.OfFloat layout, float[] w);

  /** {@code sum_j row[j]} for {@code count} floats at {@code byteOffset} (streaming baseline). */
  float sum(MemorySegment segment, long byteOffset, ValueLayout.OfFloat layout, int count);

  /** {@code sum_j a[j] * b[j]} of two double vectors of equal length, in a fixed order. */
  double dot(double[] a, double[] b);

  /**
   * {@code out[r] = sum_j x[first + r][j] * b[j]} for {@code r < count}: float rows, double
   * weights, summed in double. A row's sum has the same bits whichever rows share its call.
   */
  void dots(FloatRows x, int first, int count, double[] b, double[] out);

  /**
   * {@code y[j] += alpha[r] * x[first + r][j]} for {@code r < count} in that order, in float: the
   * same bits as one row at a time.
   */
  void axpys(float[] alpha, FloatRows x, int first, int count, float[] y);

  /**
   * {@code out[r] = sum_j x[first + r][j] * b[j]} with float products summed in float within
   * each SIMD lane and the lanes added in double: about 1e-7 relative, twice the throughput of
   * {@link #dots}. For quantities whose rounding does not accumulate (the logistic loss's step
   * along a search line). A row's sum has the same bits whichever rows share its call.
   */
  void dotsFloat(FloatRows x, int first, int count, float[] b, double[] out);

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
        LOG.info("dot products: jdk.incubator.vector absent (run with --add-modules"
            + " jdk.incubator.vector for SIMD); plain loop");
      }
      return ScalarDotProducts.INSTANCE;
    }
  }
}

package org.videoannotator.learn;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/** SIMD dot products with the preferred float species, two accumulators to hide FMA latency. */
final class VectorDotProducts implements DotProducts {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
  /** Floats with as many lanes as {@link #DOUBLES}, for widening. */
  private static final VectorSpecies<Float> HALF_FLOATS =
      VectorSpecies.of(float.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));

  @Override
  public float dot(MemorySegment segment, long byteOffset, ValueLayout.OfFloat layout, float[] w) {
    int n = w.length;
    int lanes = SPECIES.length();
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = FloatVector.zero(SPECIES);
    int j = 0;
    for (; j + 2 * lanes <= n; j += 2 * lanes) {
      long at = byteOffset + (long) j * Float.BYTES;
      FloatVector a0 = FloatVector.fromMemorySegment(SPECIES, segment, at, layout.order());
      FloatVector a1 =
          FloatVector.fromMemorySegment(SPECIES, segment, at + (long) lanes * Float.BYTES, layout.order());
      acc0 = a0.fma(FloatVector.fromArray(SPECIES, w, j), acc0);
      acc1 = a1.fma(FloatVector.fromArray(SPECIES, w, j + lanes), acc1);
    }
    for (; j + lanes <= n; j += lanes) {
      FloatVector a = FloatVector.fromMemorySegment(
          SPECIES, segment, byteOffset + (long) j * Float.BYTES, layout.order());
      acc0 = a.fma(FloatVector.fromArray(SPECIES, w, j), acc0);
    }
    float s = sumLanes(acc0.add(acc1));
    for (; j < n; j++) {
      s += segment.get(layout, byteOffset + (long) j * Float.BYTES) * w[j];
    }
    return s;
  }

  @Override
  public float sum(MemorySegment segment, long byteOffset, ValueLayout.OfFloat layout, int count) {
    int lanes = SPECIES.length();
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = FloatVector.zero(SPECIES);
    int j = 0;
    for (; j + 2 * lanes <= count; j += 2 * lanes) {
      long at = byteOffset + (long) j * Float.BYTES;
      acc0 = acc0.add(FloatVector.fromMemorySegment(SPECIES, segment, at, layout.order()));
      acc1 = acc1.add(FloatVector.fromMemorySegment(
          SPECIES, segment, at + (long) lanes * Float.BYTES, layout.order()));
    }
    float s = sumLanes(acc0.add(acc1));
    for (; j < count; j++) {
      s += segment.get(layout, byteOffset + (long) j * Float.BYTES);
    }
    return s;
  }

  @Override
  public double dot(float[] a, int aOffset, double[] b, int n) {
    int lanes = DOUBLES.length();
    DoubleVector acc0 = DoubleVector.zero(DOUBLES);
    DoubleVector acc1 = DoubleVector.zero(DOUBLES);
    int j = 0;
    for (; j + 2 * lanes <= n; j += 2 * lanes) {
      acc0 = widen(a, aOffset + j).fma(DoubleVector.fromArray(DOUBLES, b, j), acc0);
      acc1 = widen(a, aOffset + j + lanes).fma(DoubleVector.fromArray(DOUBLES, b, j + lanes), acc1);
    }
    for (; j + lanes <= n; j += lanes) {
      acc0 = widen(a, aOffset + j).fma(DoubleVector.fromArray(DOUBLES, b, j), acc0);
    }
    double s = sumLanes(acc0.add(acc1));
    for (; j < n; j++) {
      s += a[aOffset + j] * b[j];
    }
    return s;
  }

  @Override
  public void axpy(double alpha, float[] x, int xOffset, double[] y, int n) {
    int lanes = DOUBLES.length();
    DoubleVector va = DoubleVector.broadcast(DOUBLES, alpha);
    int j = 0;
    for (; j + lanes <= n; j += lanes) {
      widen(x, xOffset + j).fma(va, DoubleVector.fromArray(DOUBLES, y, j)).intoArray(y, j);
    }
    for (; j < n; j++) {
      y[j] += alpha * x[xOffset + j];
    }
  }

  @Override
  public void axpy(float alpha, float[] x, int xOffset, float[] y, int n) {
    int lanes = SPECIES.length();
    FloatVector va = FloatVector.broadcast(SPECIES, alpha);
    int j = 0;
    for (; j + lanes <= n; j += lanes) {
      FloatVector.fromArray(SPECIES, x, xOffset + j).fma(va, FloatVector.fromArray(SPECIES, y, j)).intoArray(y, j);
    }
    for (; j < n; j++) {
      y[j] += alpha * x[xOffset + j];
    }
  }

  @Override
  public double dot(double[] a, double[] b) {
    int lanes = DOUBLES.length();
    int n = a.length;
    DoubleVector acc0 = DoubleVector.zero(DOUBLES);
    DoubleVector acc1 = DoubleVector.zero(DOUBLES);
    int j = 0;
    for (; j + 2 * lanes <= n; j += 2 * lanes) {
      acc0 = DoubleVector.fromArray(DOUBLES, a, j).fma(DoubleVector.fromArray(DOUBLES, b, j), acc0);
      acc1 = DoubleVector.fromArray(DOUBLES, a, j + lanes).fma(DoubleVector.fromArray(DOUBLES, b, j + lanes), acc1);
    }
    double s = sumLanes(acc0.add(acc1));
    for (; j < n; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  /** Rows handled together by {@link #dots} and {@link #axpys}. */
  private static final int GROUP = 4;

  @Override
  public void dots(float[] a, int[] offsets, int count, double[] b, int n, double[] out) {
    int lanes = DOUBLES.length();
    int r = 0;
    for (; r + GROUP <= count && n % (2 * lanes) == 0; r += GROUP) {
      int o0 = offsets[r];
      int o1 = offsets[r + 1];
      int o2 = offsets[r + 2];
      int o3 = offsets[r + 3];
      DoubleVector a00 = DoubleVector.zero(DOUBLES);
      DoubleVector a01 = DoubleVector.zero(DOUBLES);
      DoubleVector a10 = DoubleVector.zero(DOUBLES);
      DoubleVector a11 = DoubleVector.zero(DOUBLES);
      DoubleVector a20 = DoubleVector.zero(DOUBLES);
      DoubleVector a21 = DoubleVector.zero(DOUBLES);
      DoubleVector a30 = DoubleVector.zero(DOUBLES);
      DoubleVector a31 = DoubleVector.zero(DOUBLES);
      for (int j = 0; j < n; j += 2 * lanes) {
        DoubleVector b0 = DoubleVector.fromArray(DOUBLES, b, j);
        DoubleVector b1 = DoubleVector.fromArray(DOUBLES, b, j + lanes);
        a00 = widen(a, o0 + j).fma(b0, a00);
        a01 = widen(a, o0 + j + lanes).fma(b1, a01);
        a10 = widen(a, o1 + j).fma(b0, a10);
        a11 = widen(a, o1 + j + lanes).fma(b1, a11);
        a20 = widen(a, o2 + j).fma(b0, a20);
        a21 = widen(a, o2 + j + lanes).fma(b1, a21);
        a30 = widen(a, o3 + j).fma(b0, a30);
        a31 = widen(a, o3 + j + lanes).fma(b1, a31);
      }
      out[r] = sumLanes(a00.add(a01));
      out[r + 1] = sumLanes(a10.add(a11));
      out[r + 2] = sumLanes(a20.add(a21));
      out[r + 3] = sumLanes(a30.add(a31));
    }
    for (; r < count; r++) {
      out[r] = dot(a, offsets[r], b, n);
    }
  }

  @Override
  public void axpys(float[] alpha, float[] x, int[] offsets, int count, float[] y, int n) {
    int lanes = SPECIES.length();
    int r = 0;
    for (; r + GROUP <= count && n % lanes == 0; r += GROUP) {
      int o0 = offsets[r];
      int o1 = offsets[r + 1];
      int o2 = offsets[r + 2];
      int o3 = offsets[r + 3];
      FloatVector v0 = FloatVector.broadcast(SPECIES, alpha[r]);
      FloatVector v1 = FloatVector.broadcast(SPECIES, alpha[r + 1]);
      FloatVector v2 = FloatVector.broadcast(SPECIES, alpha[r + 2]);
      FloatVector v3 = FloatVector.broadcast(SPECIES, alpha[r + 3]);
      for (int j = 0; j < n; j += lanes) {
        FloatVector acc = FloatVector.fromArray(SPECIES, y, j);
        acc = FloatVector.fromArray(SPECIES, x, o0 + j).fma(v0, acc);
        acc = FloatVector.fromArray(SPECIES, x, o1 + j).fma(v1, acc);
        acc = FloatVector.fromArray(SPECIES, x, o2 + j).fma(v2, acc);
        acc = FloatVector.fromArray(SPECIES, x, o3 + j).fma(v3, acc);
        acc.intoArray(y, j);
      }
    }
    for (; r < count; r++) {
      axpy(alpha[r], x, offsets[r], y, n);
    }
  }

  /**
   * Lane sum in lane order. {@code reduceLanes(ADD)} leaves the order unspecified, so compiled and
   * interpreted code could round differently and the same input give different models.
   */
  private static float sumLanes(FloatVector v) {
    float s = 0;
    for (int i = 0; i < v.length(); i++) {
      s += v.lane(i);
    }
    return s;
  }

  private static double sumLanes(DoubleVector v) {
    double s = 0;
    for (int i = 0; i < v.length(); i++) {
      s += v.lane(i);
    }
    return s;
  }

  /** {@code DOUBLES.length()} floats from {@code a[at]}, widened to doubles. */
  private static DoubleVector widen(float[] a, int at) {
    return (DoubleVector) FloatVector.fromArray(HALF_FLOATS, a, at)
        .convertShape(VectorOperators.F2D, DOUBLES, 0);
  }

  @Override
  public String name() {
    return "simd-" + SPECIES.vectorBitSize() + "bit";
  }
}

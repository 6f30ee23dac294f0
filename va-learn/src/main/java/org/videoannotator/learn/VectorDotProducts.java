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

  /**
   * Lane sum in lane order. {@code reduceLanes(ADD)} leaves the order unspecified, so compiled and
   * interpreted code could round differently and the same input give different models.
   */
  private static float sumLanes(FloatVector v) {
    float[] lanes = v.toArray();
    float s = 0;
    for (float x : lanes) {
      s += x;
    }
    return s;
  }

  private static double sumLanes(DoubleVector v) {
    double[] lanes = v.toArray();
    double s = 0;
    for (double x : lanes) {
      s += x;
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

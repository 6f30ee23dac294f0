package org.videoannotator.learn;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
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

  /** Rows handled together by {@link #dotsFloat} and the wide part of {@link #axpys}. */
  private static final int WIDE_GROUP = 8;

  private static final ByteOrder ORDER = ByteOrder.nativeOrder();

  private static FloatVector load(MemorySegment s, long at) {
    return FloatVector.fromMemorySegment(SPECIES, s, at, ORDER);
  }

  /** {@code DOUBLES.length()} floats from byte {@code at}, widened to doubles. */
  private static DoubleVector widen(MemorySegment s, long at) {
    return (DoubleVector) FloatVector.fromMemorySegment(HALF_FLOATS, s, at, ORDER)
        .convertShape(VectorOperators.F2D, DOUBLES, 0);
  }

  @Override
  public void dots(FloatRows x, int first, int count, double[] b, double[] out) {
    MemorySegment s = x.segment();
    long rowBytes = x.rowBytes();
    int n = x.dim();
    int lanes = DOUBLES.length();
    long laneBytes = (long) lanes * Float.BYTES;
    int r = 0;
    for (; r + GROUP <= count && n % (2 * lanes) == 0; r += GROUP) {
      long o0 = x.offset(first + r);
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
        long at = o0 + (long) j * Float.BYTES;
        a00 = widen(s, at).fma(b0, a00);
        a01 = widen(s, at + laneBytes).fma(b1, a01);
        a10 = widen(s, at + rowBytes).fma(b0, a10);
        a11 = widen(s, at + rowBytes + laneBytes).fma(b1, a11);
        a20 = widen(s, at + 2 * rowBytes).fma(b0, a20);
        a21 = widen(s, at + 2 * rowBytes + laneBytes).fma(b1, a21);
        a30 = widen(s, at + 3 * rowBytes).fma(b0, a30);
        a31 = widen(s, at + 3 * rowBytes + laneBytes).fma(b1, a31);
      }
      out[r] = sumLanes(a00.add(a01));
      out[r + 1] = sumLanes(a10.add(a11));
      out[r + 2] = sumLanes(a20.add(a21));
      out[r + 3] = sumLanes(a30.add(a31));
    }
    for (; r < count; r++) {
      out[r] = dot(s, x.offset(first + r), b, n);
    }
  }

  /** One row of {@link #dots}, with the same lanes and order as the grouped rows. */
  private static double dot(MemorySegment s, long o, double[] b, int n) {
    int lanes = DOUBLES.length();
    long laneBytes = (long) lanes * Float.BYTES;
    DoubleVector acc0 = DoubleVector.zero(DOUBLES);
    DoubleVector acc1 = DoubleVector.zero(DOUBLES);
    int j = 0;
    for (; j + 2 * lanes <= n; j += 2 * lanes) {
      long at = o + (long) j * Float.BYTES;
      acc0 = widen(s, at).fma(DoubleVector.fromArray(DOUBLES, b, j), acc0);
      acc1 = widen(s, at + laneBytes).fma(DoubleVector.fromArray(DOUBLES, b, j + lanes), acc1);
    }
    for (; j + lanes <= n; j += lanes) {
      acc0 = widen(s, o + (long) j * Float.BYTES).fma(DoubleVector.fromArray(DOUBLES, b, j), acc0);
    }
    double sum = sumLanes(acc0.add(acc1));
    for (; j < n; j++) {
      sum += s.get(ValueLayout.JAVA_FLOAT, o + (long) j * Float.BYTES) * b[j];
    }
    return sum;
  }

  @Override
  public void axpys(float[] alpha, FloatRows x, int first, int count, float[] y) {
    MemorySegment s = x.segment();
    long rb = x.rowBytes();
    int n = x.dim();
    int lanes = SPECIES.length();
    int r = 0;
    // Eight rows per load and store of y, then four, then one: the same order of additions.
    for (; r + WIDE_GROUP <= count && n % lanes == 0; r += WIDE_GROUP) {
      long o0 = x.offset(first + r);
      FloatVector v0 = FloatVector.broadcast(SPECIES, alpha[r]);
      FloatVector v1 = FloatVector.broadcast(SPECIES, alpha[r + 1]);
      FloatVector v2 = FloatVector.broadcast(SPECIES, alpha[r + 2]);
      FloatVector v3 = FloatVector.broadcast(SPECIES, alpha[r + 3]);
      FloatVector v4 = FloatVector.broadcast(SPECIES, alpha[r + 4]);
      FloatVector v5 = FloatVector.broadcast(SPECIES, alpha[r + 5]);
      FloatVector v6 = FloatVector.broadcast(SPECIES, alpha[r + 6]);
      FloatVector v7 = FloatVector.broadcast(SPECIES, alpha[r + 7]);
      for (int j = 0; j < n; j += lanes) {
        long at = o0 + (long) j * Float.BYTES;
        FloatVector acc = FloatVector.fromArray(SPECIES, y, j);
        acc = load(s, at).fma(v0, acc);
        acc = load(s, at + rb).fma(v1, acc);
        acc = load(s, at + 2 * rb).fma(v2, acc);
        acc = load(s, at + 3 * rb).fma(v3, acc);
        acc = load(s, at + 4 * rb).fma(v4, acc);
        acc = load(s, at + 5 * rb).fma(v5, acc);
        acc = load(s, at + 6 * rb).fma(v6, acc);
        acc = load(s, at + 7 * rb).fma(v7, acc);
        acc.intoArray(y, j);
      }
    }
    for (; r + GROUP <= count && n % lanes == 0; r += GROUP) {
      long o0 = x.offset(first + r);
      FloatVector v0 = FloatVector.broadcast(SPECIES, alpha[r]);
      FloatVector v1 = FloatVector.broadcast(SPECIES, alpha[r + 1]);
      FloatVector v2 = FloatVector.broadcast(SPECIES, alpha[r + 2]);
      FloatVector v3 = FloatVector.broadcast(SPECIES, alpha[r + 3]);
      for (int j = 0; j < n; j += lanes) {
        long at = o0 + (long) j * Float.BYTES;
        FloatVector acc = FloatVector.fromArray(SPECIES, y, j);
        acc = load(s, at).fma(v0, acc);
        acc = load(s, at + rb).fma(v1, acc);
        acc = load(s, at + 2 * rb).fma(v2, acc);
        acc = load(s, at + 3 * rb).fma(v3, acc);
        acc.intoArray(y, j);
      }
    }
    for (; r < count; r++) {
      axpy(alpha[r], s, x.offset(first + r), y, n);
    }
  }

  /** One row of {@link #axpys}. */
  private static void axpy(float alpha, MemorySegment s, long o, float[] y, int n) {
    int lanes = SPECIES.length();
    FloatVector va = FloatVector.broadcast(SPECIES, alpha);
    int j = 0;
    for (; j + lanes <= n; j += lanes) {
      load(s, o + (long) j * Float.BYTES).fma(va, FloatVector.fromArray(SPECIES, y, j)).intoArray(y, j);
    }
    for (; j < n; j++) {
      y[j] += alpha * s.get(ValueLayout.JAVA_FLOAT, o + (long) j * Float.BYTES);
    }
  }

  @Override
  public void dotsFloat(FloatRows x, int first, int count, float[] b, double[] out) {
    MemorySegment s = x.segment();
    long rb = x.rowBytes();
    int n = x.dim();
    int lanes = SPECIES.length();
    float[] buffer = new float[lanes];
    int r = 0;
    for (; r + WIDE_GROUP <= count && n % lanes == 0; r += WIDE_GROUP) {
      long o0 = x.offset(first + r);
      FloatVector a0 = FloatVector.zero(SPECIES);
      FloatVector a1 = FloatVector.zero(SPECIES);
      FloatVector a2 = FloatVector.zero(SPECIES);
      FloatVector a3 = FloatVector.zero(SPECIES);
      FloatVector a4 = FloatVector.zero(SPECIES);
      FloatVector a5 = FloatVector.zero(SPECIES);
      FloatVector a6 = FloatVector.zero(SPECIES);
      FloatVector a7 = FloatVector.zero(SPECIES);
      for (int j = 0; j < n; j += lanes) {
        FloatVector bj = FloatVector.fromArray(SPECIES, b, j);
        long at = o0 + (long) j * Float.BYTES;
        a0 = load(s, at).fma(bj, a0);
        a1 = load(s, at + rb).fma(bj, a1);
        a2 = load(s, at + 2 * rb).fma(bj, a2);
        a3 = load(s, at + 3 * rb).fma(bj, a3);
        a4 = load(s, at + 4 * rb).fma(bj, a4);
        a5 = load(s, at + 5 * rb).fma(bj, a5);
        a6 = load(s, at + 6 * rb).fma(bj, a6);
        a7 = load(s, at + 7 * rb).fma(bj, a7);
      }
      out[r] = wideLaneSum(a0, buffer);
      out[r + 1] = wideLaneSum(a1, buffer);
      out[r + 2] = wideLaneSum(a2, buffer);
      out[r + 3] = wideLaneSum(a3, buffer);
      out[r + 4] = wideLaneSum(a4, buffer);
      out[r + 5] = wideLaneSum(a5, buffer);
      out[r + 6] = wideLaneSum(a6, buffer);
      out[r + 7] = wideLaneSum(a7, buffer);
    }
    for (; r < count; r++) {
      out[r] = dotFloat(s, x.offset(first + r), b, n, buffer);
    }
  }

  /** One row of {@link #dotsFloat}, with the same lanes and order as the grouped rows. */
  private static double dotFloat(MemorySegment s, long o, float[] b, int n, float[] buffer) {
    int lanes = SPECIES.length();
    FloatVector acc = FloatVector.zero(SPECIES);
    int j = 0;
    for (; j + lanes <= n; j += lanes) {
      acc = load(s, o + (long) j * Float.BYTES).fma(FloatVector.fromArray(SPECIES, b, j), acc);
    }
    double sum = wideLaneSum(acc, buffer);
    for (; j < n; j++) {
      sum += s.get(ValueLayout.JAVA_FLOAT, o + (long) j * Float.BYTES) * b[j];
    }
    return sum;
  }

  /**
   * The lanes of a float accumulator summed in double as four interleaved partial sums: a fixed
   * order, and short dependency chains ({@code buffer}: scratch of one vector's lanes).
   */
  private static double wideLaneSum(FloatVector v, float[] buffer) {
    v.intoArray(buffer, 0);
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    for (int i = 0; i < buffer.length; i += 4) {
      s0 += buffer[i];
      s1 += buffer[i + 1];
      s2 += buffer[i + 2];
      s3 += buffer[i + 3];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** 1.5 * 2^52: adding it rounds a double below 2^51 to an integer, to nearest even (as rint). */
  private static final double ROUNDER = 6755399441055744.0;
  private static final long ROUNDER_BITS = Double.doubleToRawLongBits(ROUNDER);

  @Override
  public double logisticTerms(double[] margin, double[] factor, int n) {
    int lanes = DOUBLES.length();
    DoubleVector loss = DoubleVector.zero(DOUBLES);
    int i = 0;
    for (; i + lanes <= n; i += lanes) {
      DoubleVector m = DoubleVector.fromArray(DOUBLES, margin, i);
      VectorMask<Double> negative = m.compare(VectorOperators.LT, 0.0);
      DoubleVector e = expNonPositive(m.abs().neg());
      DoubleVector log1p = log1pUnit(e);
      loss = loss.add(log1p.blend(m.neg().add(log1p), negative));
      DoubleVector numerator = e.blend(1.0, negative);
      numerator.neg().div(e.add(1.0)).intoArray(factor, i);
    }
    double sum = sumLanes(loss);
    if (i < n) {
      double[] tail = java.util.Arrays.copyOfRange(margin, i, n);
      double[] tailFactor = new double[n - i];
      sum += LogisticTerms.terms(tail, tailFactor, n - i);
      System.arraycopy(tailFactor, 0, factor, i, n - i);
    }
    return sum;
  }

  /** {@link LogisticTerms#expNonPositive} lane by lane, with the same operations. */
  private static DoubleVector expNonPositive(DoubleVector x) {
    DoubleVector shifted = x.mul(LogisticTerms.INV_LN2).add(ROUNDER);
    DoubleVector k = shifted.sub(ROUNDER);
    DoubleVector r = x.sub(k.mul(LogisticTerms.LN2_HI)).sub(k.mul(LogisticTerms.LN2_LO));
    DoubleVector p = DoubleVector.broadcast(DOUBLES, 1.0 / 6227020800.0);
    p = p.mul(r).add(1.0 / 479001600.0);
    p = p.mul(r).add(1.0 / 39916800.0);
    p = p.mul(r).add(1.0 / 3628800.0);
    p = p.mul(r).add(1.0 / 362880.0);
    p = p.mul(r).add(1.0 / 40320.0);
    p = p.mul(r).add(1.0 / 5040.0);
    p = p.mul(r).add(1.0 / 720.0);
    p = p.mul(r).add(1.0 / 120.0);
    p = p.mul(r).add(1.0 / 24.0);
    p = p.mul(r).add(1.0 / 6.0);
    p = p.mul(r).add(0.5);
    p = p.mul(r).add(1.0);
    p = p.mul(r).add(1.0);
    // 2^k from k's integer bits (the rounding added above left them in the low mantissa bits).
    LongVector exponent = ((LongVector) shifted.reinterpretAsLongs()).sub(ROUNDER_BITS).add(1023).lanewise(VectorOperators.LSHL, 52);
    DoubleVector scaled = p.mul(exponent.reinterpretAsDoubles());
    return scaled.blend(0.0, x.compare(VectorOperators.LT, LogisticTerms.EXP_FLOOR));
  }

  /** {@link LogisticTerms#log1pUnit} lane by lane, with the same operations. */
  private static DoubleVector log1pUnit(DoubleVector e) {
    DoubleVector s = e.div(e.add(2.0));
    DoubleVector s2 = s.mul(s);
    // Written out: a loop carrying a vector leaves C2 unable to keep it in a register, and every
    // step then runs the Vector API's slow Java fallback.
    DoubleVector p = DoubleVector.broadcast(DOUBLES, 1.0 / 35);
    p = p.mul(s2).add(1.0 / 33);
    p = p.mul(s2).add(1.0 / 31);
    p = p.mul(s2).add(1.0 / 29);
    p = p.mul(s2).add(1.0 / 27);
    p = p.mul(s2).add(1.0 / 25);
    p = p.mul(s2).add(1.0 / 23);
    p = p.mul(s2).add(1.0 / 21);
    p = p.mul(s2).add(1.0 / 19);
    p = p.mul(s2).add(1.0 / 17);
    p = p.mul(s2).add(1.0 / 15);
    p = p.mul(s2).add(1.0 / 13);
    p = p.mul(s2).add(1.0 / 11);
    p = p.mul(s2).add(1.0 / 9);
    p = p.mul(s2).add(1.0 / 7);
    p = p.mul(s2).add(1.0 / 5);
    p = p.mul(s2).add(1.0 / 3);
    p = p.mul(s2).add(1.0);
    return s.mul(2.0).mul(p);
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

  @Override
  public String name() {
    return "simd-" + SPECIES.vectorBitSize() + "bit";
  }
}

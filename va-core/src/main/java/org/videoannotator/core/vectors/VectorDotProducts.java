package org.videoannotator.core.vectors;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import jdk.incubator.vector.ByteVector;
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

  /** Four floats, and four doubles: {@link #wideLaneSum}'s four partial sums as one vector. */
  private static final VectorSpecies<Float> QUAD_FLOATS = FloatVector.SPECIES_128;

  private static final VectorSpecies<Double> QUAD_DOUBLES = DoubleVector.SPECIES_256;

  /** Floats with as many lanes as {@link #DOUBLES}, for widening. */
  private static final VectorSpecies<Float> HALF_FLOATS =
      VectorSpecies.of(float.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));

  /** As many bytes as {@link #SPECIES} has float lanes: one load widens to one float vector. */
  private static final VectorSpecies<Byte> CODES =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(SPECIES.length() * Byte.SIZE));

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
          FloatVector.fromMemorySegment(
              SPECIES, segment, at + (long) lanes * Float.BYTES, layout.order());
      acc0 = a0.fma(FloatVector.fromArray(SPECIES, w, j), acc0);
      acc1 = a1.fma(FloatVector.fromArray(SPECIES, w, j + lanes), acc1);
    }
    for (; j + lanes <= n; j += lanes) {
      FloatVector a =
          FloatVector.fromMemorySegment(
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
  public float dotCodes(MemorySegment codes, long byteOffset, float[] q) {
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = FloatVector.zero(SPECIES);
    int lanes = SPECIES.length();
    int i = 0;
    for (; i + 2 * lanes <= q.length; i += 2 * lanes) {
      acc0 = widenCodes(codes, byteOffset + i).fma(FloatVector.fromArray(SPECIES, q, i), acc0);
      acc1 =
          widenCodes(codes, byteOffset + i + lanes)
              .fma(FloatVector.fromArray(SPECIES, q, i + lanes), acc1);
    }
    for (; i + lanes <= q.length; i += lanes) {
      acc0 = widenCodes(codes, byteOffset + i).fma(FloatVector.fromArray(SPECIES, q, i), acc0);
    }
    // reduceLanes, as the scan has always summed: its candidates (and so its results) stay the
    // same.
    float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; i < q.length; i++) {
      sum += codes.get(ValueLayout.JAVA_BYTE, byteOffset + i) * q[i];
    }
    return sum;
  }

  private static FloatVector widenCodes(MemorySegment codes, long offset) {
    return (FloatVector)
        ByteVector.fromMemorySegment(CODES, codes, offset, ByteOrder.nativeOrder())
            .convertShape(VectorOperators.B2F, SPECIES, 0);
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
      acc1 =
          acc1.add(
              FloatVector.fromMemorySegment(
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
      FloatVector.fromArray(SPECIES, x, xOffset + j)
          .fma(va, FloatVector.fromArray(SPECIES, y, j))
          .intoArray(y, j);
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
      acc1 =
          DoubleVector.fromArray(DOUBLES, a, j + lanes)
              .fma(DoubleVector.fromArray(DOUBLES, b, j + lanes), acc1);
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
    double[] buffer = new double[GROUP * lanes];
    int r = 0;
    for (; r + GROUP <= count && n % (2 * lanes) == 0; r += GROUP) {
      dots4(a, offsets, r, b, n, out, buffer);
    }
    for (; r < count; r++) {
      out[r] = dot(a, offsets[r], b, n);
    }
  }

  /*
   * Each group of rows is a method of its own, and so is the body of logisticTerms' loop: the JIT
   * compiles it once, on its call count, instead of compiling the whole kernel for the long row
   * loop of the calls it runs interpreted, and again when the kernel's own call count is reached.
   * Only arrays and indices pass between them, so no vector is ever boxed.
   */

  /** Rows {@code r..r+3} of {@link #dots}. */
  private static void dots4(
      float[] a, int[] offsets, int r, double[] b, int n, double[] out, double[] buffer) {
    int lanes = DOUBLES.length();
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
    a00.add(a01).intoArray(buffer, 0);
    a10.add(a11).intoArray(buffer, lanes);
    a20.add(a21).intoArray(buffer, 2 * lanes);
    a30.add(a31).intoArray(buffer, 3 * lanes);
    out[r] = sumLanes(buffer, 0, lanes);
    out[r + 1] = sumLanes(buffer, lanes, lanes);
    out[r + 2] = sumLanes(buffer, 2 * lanes, lanes);
    out[r + 3] = sumLanes(buffer, 3 * lanes, lanes);
  }

  @Override
  public void axpys(float[] alpha, float[] x, int[] offsets, int count, float[] y, int n) {
    int lanes = SPECIES.length();
    int r = 0;
    // Eight rows per load and store of y, then four, then one: the same order of additions.
    for (; r + WIDE_GROUP <= count && n % lanes == 0; r += WIDE_GROUP) {
      axpys8(alpha, x, offsets, r, y, n);
    }
    for (; r + GROUP <= count && n % lanes == 0; r += GROUP) {
      axpys4(alpha, x, offsets, r, y, n);
    }
    for (; r < count; r++) {
      axpy(alpha[r], x, offsets[r], y, n);
    }
  }

  /** Rows {@code r..r+7} of {@link #axpys}. */
  private static void axpys8(float[] alpha, float[] x, int[] offsets, int r, float[] y, int n) {
    int lanes = SPECIES.length();
    int o0 = offsets[r];
    int o1 = offsets[r + 1];
    int o2 = offsets[r + 2];
    int o3 = offsets[r + 3];
    int o4 = offsets[r + 4];
    int o5 = offsets[r + 5];
    int o6 = offsets[r + 6];
    int o7 = offsets[r + 7];
    FloatVector v0 = FloatVector.broadcast(SPECIES, alpha[r]);
    FloatVector v1 = FloatVector.broadcast(SPECIES, alpha[r + 1]);
    FloatVector v2 = FloatVector.broadcast(SPECIES, alpha[r + 2]);
    FloatVector v3 = FloatVector.broadcast(SPECIES, alpha[r + 3]);
    FloatVector v4 = FloatVector.broadcast(SPECIES, alpha[r + 4]);
    FloatVector v5 = FloatVector.broadcast(SPECIES, alpha[r + 5]);
    FloatVector v6 = FloatVector.broadcast(SPECIES, alpha[r + 6]);
    FloatVector v7 = FloatVector.broadcast(SPECIES, alpha[r + 7]);
    for (int j = 0; j < n; j += lanes) {
      FloatVector acc = FloatVector.fromArray(SPECIES, y, j);
      acc = FloatVector.fromArray(SPECIES, x, o0 + j).fma(v0, acc);
      acc = FloatVector.fromArray(SPECIES, x, o1 + j).fma(v1, acc);
      acc = FloatVector.fromArray(SPECIES, x, o2 + j).fma(v2, acc);
      acc = FloatVector.fromArray(SPECIES, x, o3 + j).fma(v3, acc);
      acc = FloatVector.fromArray(SPECIES, x, o4 + j).fma(v4, acc);
      acc = FloatVector.fromArray(SPECIES, x, o5 + j).fma(v5, acc);
      acc = FloatVector.fromArray(SPECIES, x, o6 + j).fma(v6, acc);
      acc = FloatVector.fromArray(SPECIES, x, o7 + j).fma(v7, acc);
      acc.intoArray(y, j);
    }
  }

  /** Rows {@code r..r+3} of {@link #axpys}. */
  private static void axpys4(float[] alpha, float[] x, int[] offsets, int r, float[] y, int n) {
    int lanes = SPECIES.length();
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

  @Override
  public void axpys(double[] alpha, float[] x, int[] offsets, int count, double[] y, int n) {
    int r = 0;
    for (; r + GROUP <= count && n % DOUBLES.length() == 0; r += GROUP) {
      axpysDouble4(alpha, x, offsets, r, y, n);
    }
    for (; r < count; r++) {
      axpy(alpha[r], x, offsets[r], y, n);
    }
  }

  /**
   * Rows {@code r..r+3} of the double {@link #axpys}: each row's fma in row order, as one row at a
   * time.
   */
  private static void axpysDouble4(
      double[] alpha, float[] x, int[] offsets, int r, double[] y, int n) {
    int lanes = DOUBLES.length();
    int o0 = offsets[r];
    int o1 = offsets[r + 1];
    int o2 = offsets[r + 2];
    int o3 = offsets[r + 3];
    DoubleVector v0 = DoubleVector.broadcast(DOUBLES, alpha[r]);
    DoubleVector v1 = DoubleVector.broadcast(DOUBLES, alpha[r + 1]);
    DoubleVector v2 = DoubleVector.broadcast(DOUBLES, alpha[r + 2]);
    DoubleVector v3 = DoubleVector.broadcast(DOUBLES, alpha[r + 3]);
    for (int j = 0; j < n; j += lanes) {
      DoubleVector acc = DoubleVector.fromArray(DOUBLES, y, j);
      acc = widen(x, o0 + j).fma(v0, acc);
      acc = widen(x, o1 + j).fma(v1, acc);
      acc = widen(x, o2 + j).fma(v2, acc);
      acc = widen(x, o3 + j).fma(v3, acc);
      acc.intoArray(y, j);
    }
  }

  /** Rows handled together by {@link #dotsFloat} and the wide part of {@link #axpys}. */
  private static final int WIDE_GROUP = 8;

  @Override
  public void dotsFloat(float[] a, int[] offsets, int count, float[] b, int n, double[] out) {
    int lanes = SPECIES.length();
    float[] buffer = new float[WIDE_GROUP * lanes];
    int r = 0;
    for (; r + WIDE_GROUP <= count && n % lanes == 0; r += WIDE_GROUP) {
      dotsFloat8(a, offsets, r, b, n, out, buffer);
    }
    for (; r < count; r++) {
      out[r] = dotFloat(a, offsets[r], b, n, buffer);
    }
  }

  /** Rows {@code r..r+7} of {@link #dotsFloat}. */
  private static void dotsFloat8(
      float[] a, int[] offsets, int r, float[] b, int n, double[] out, float[] buffer) {
    int lanes = SPECIES.length();
    int o0 = offsets[r];
    int o1 = offsets[r + 1];
    int o2 = offsets[r + 2];
    int o3 = offsets[r + 3];
    int o4 = offsets[r + 4];
    int o5 = offsets[r + 5];
    int o6 = offsets[r + 6];
    int o7 = offsets[r + 7];
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
      a0 = FloatVector.fromArray(SPECIES, a, o0 + j).fma(bj, a0);
      a1 = FloatVector.fromArray(SPECIES, a, o1 + j).fma(bj, a1);
      a2 = FloatVector.fromArray(SPECIES, a, o2 + j).fma(bj, a2);
      a3 = FloatVector.fromArray(SPECIES, a, o3 + j).fma(bj, a3);
      a4 = FloatVector.fromArray(SPECIES, a, o4 + j).fma(bj, a4);
      a5 = FloatVector.fromArray(SPECIES, a, o5 + j).fma(bj, a5);
      a6 = FloatVector.fromArray(SPECIES, a, o6 + j).fma(bj, a6);
      a7 = FloatVector.fromArray(SPECIES, a, o7 + j).fma(bj, a7);
    }
    // Lanes leave the vectors here: a vector passed to a method C2 does not inline is boxed.
    a0.intoArray(buffer, 0);
    a1.intoArray(buffer, lanes);
    a2.intoArray(buffer, 2 * lanes);
    a3.intoArray(buffer, 3 * lanes);
    a4.intoArray(buffer, 4 * lanes);
    a5.intoArray(buffer, 5 * lanes);
    a6.intoArray(buffer, 6 * lanes);
    a7.intoArray(buffer, 7 * lanes);
    // wideLaneSum of each row, four lanes at a time: the same additions in the same order.
    for (int k = 0; k < WIDE_GROUP; k++) {
      int from = k * lanes;
      DoubleVector sums = DoubleVector.zero(QUAD_DOUBLES);
      for (int c = from; c < from + lanes; c += 4) {
        sums =
            sums.add(
                FloatVector.fromArray(QUAD_FLOATS, buffer, c)
                    .convertShape(VectorOperators.F2D, QUAD_DOUBLES, 0));
      }
      out[r + k] = (sums.lane(0) + sums.lane(1)) + (sums.lane(2) + sums.lane(3));
    }
  }

  /** One row of {@link #dotsFloat}, with the same lanes and order as the grouped rows. */
  private static double dotFloat(float[] a, int o, float[] b, int n, float[] buffer) {
    int lanes = SPECIES.length();
    FloatVector acc = FloatVector.zero(SPECIES);
    int j = 0;
    for (; j + lanes <= n; j += lanes) {
      acc = FloatVector.fromArray(SPECIES, a, o + j).fma(FloatVector.fromArray(SPECIES, b, j), acc);
    }
    acc.intoArray(buffer, 0);
    double s = wideLaneSum(buffer, 0, lanes);
    for (; j < n; j++) {
      s += a[o + j] * b[j];
    }
    return s;
  }

  /**
   * The {@code lanes} floats of one accumulator at {@code buffer[from]} summed in double as four
   * interleaved partial sums: a fixed order, and short dependency chains.
   */
  private static double wideLaneSum(float[] buffer, int from, int lanes) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    for (int i = from; i < from + lanes; i += 4) {
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
    double[] loss = new double[lanes];
    int i = 0;
    for (; i + lanes <= n; i += lanes) {
      logisticLanes(margin, factor, i, loss);
    }
    double sum = sumLanes(loss, 0, lanes);
    if (i < n) {
      double[] tail = Arrays.copyOfRange(margin, i, n);
      double[] tailFactor = new double[n - i];
      sum += LogisticTerms.terms(tail, tailFactor, n - i);
      System.arraycopy(tailFactor, 0, factor, i, n - i);
    }
    return sum;
  }

  /**
   * One vector of {@link #logisticTerms}: the factors of rows {@code i..}, their losses added lane
   * by lane to {@code loss}. {@link LogisticTerms#expNonPositive} and {@code log1pUnit} with the
   * same operations, written out here: as separate methods they were not always inlined, and then
   * every vector passing between them was boxed.
   */
  private static void logisticLanes(double[] margin, double[] factor, int i, double[] loss) {
    double[] atanh = LogisticTerms.ATANH;
    DoubleVector m = DoubleVector.fromArray(DOUBLES, margin, i);
    VectorMask<Double> negative = m.compare(VectorOperators.LT, 0.0);
    // e = exp(-|m|): 2^k exp(r), r = x - k ln 2, Taylor series to degree 13
    DoubleVector x = m.abs().neg();
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
    LongVector exponent =
        ((LongVector) shifted.reinterpretAsLongs())
            .sub(ROUNDER_BITS)
            .add(1023)
            .lanewise(VectorOperators.LSHL, 52);
    DoubleVector e =
        p.mul(exponent.reinterpretAsDoubles())
            .blend(0.0, x.compare(VectorOperators.LT, LogisticTerms.EXP_FLOOR));
    // log1p(e) = 2 atanh(s), s = e / (2 + e)
    DoubleVector s = e.div(e.add(2.0));
    DoubleVector s2 = s.mul(s);
    DoubleVector q = DoubleVector.broadcast(DOUBLES, atanh[0]);
    for (int c = 1; c < atanh.length; c++) {
      q = q.mul(s2).add(atanh[c]);
    }
    DoubleVector log1p = s.mul(2.0).mul(q);
    DoubleVector.fromArray(DOUBLES, loss, 0)
        .add(log1p.blend(m.neg().add(log1p), negative))
        .intoArray(loss, 0);
    DoubleVector numerator = e.blend(1.0, negative);
    numerator.neg().div(e.add(1.0)).intoArray(factor, i);
  }

  /**
   * Lane sum in lane order. {@code reduceLanes(ADD)} leaves the order unspecified, so compiled and
   * interpreted code could round differently and the same input give different models. Only for
   * small methods, where C2 inlines it: a vector passed to a method it does not inline is boxed, on
   * every call, so the large kernels store their lanes and use the array forms below.
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

  /** {@link #sumLanes(DoubleVector)} of lanes stored at {@code values[from]}: the same order. */
  private static double sumLanes(double[] values, int from, int lanes) {
    double s = 0;
    for (int i = from; i < from + lanes; i++) {
      s += values[i];
    }
    return s;
  }

  /** {@code DOUBLES.length()} floats from {@code a[at]}, widened to doubles. */
  private static DoubleVector widen(float[] a, int at) {
    return (DoubleVector)
        FloatVector.fromArray(HALF_FLOATS, a, at).convertShape(VectorOperators.F2D, DOUBLES, 0);
  }

  @Override
  public String name() {
    return "simd-" + SPECIES.vectorBitSize() + "bit";
  }
}

package org.videoannotator.index;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.PriorityQueue;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * Brute-force top-k by dot product over every row of a matrix: the ground truth that recall is
 * measured against. One pass over the matrix serves a whole batch of queries, so each row is read
 * from memory (or the page cache) once per batch rather than once per query.
 */
public final class ExactSearch {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  /** As many bytes as {@link #SPECIES} has float lanes: one load widens to one float vector. */
  private static final VectorSpecies<Byte> CODES =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(SPECIES.length() * Byte.SIZE));

  private ExactSearch() {}

  /**
   * For each query, the rows of the {@code k} largest dot products, best first (ties by lower
   * row). Queries must have the matrix's dimension.
   */
  public static int[][] topK(FloatMatrix matrix, float[][] queries, int k) {
    int dim = matrix.dim();
    @SuppressWarnings("unchecked")
    PriorityQueue<long[]>[] heaps = new PriorityQueue[queries.length];
    for (int q = 0; q < queries.length; q++) {
      if (queries[q].length != dim) {
        throw new IllegalArgumentException("query " + q + " has dimension " + queries[q].length + ", matrix " + dim);
      }
      heaps[q] = new PriorityQueue<>(k + 1, ExactSearch::compareWorstFirst);
    }
    MemorySegment data = matrix.segment();
    boolean simd = matrix.order() == ByteOrder.nativeOrder();
    float[] row = new float[dim];
    for (int r = 0; r < matrix.rows(); r++) {
      if (!simd) {
        matrix.copyRow(r, row);
      }
      long base = (long) r * dim * Float.BYTES;
      for (int q = 0; q < queries.length; q++) {
        float score = simd ? dot(data, base, queries[q]) : dot(row, queries[q]);
        PriorityQueue<long[]> heap = heaps[q];
        if (heap.size() < k) {
          heap.add(entry(score, r));
        } else if (score > Float.intBitsToFloat((int) heap.peek()[0])) {
          heap.poll();
          heap.add(entry(score, r));
        }
      }
    }
    int[][] out = new int[queries.length][];
    for (int q = 0; q < queries.length; q++) {
      int n = heaps[q].size();
      out[q] = new int[n];
      for (int i = n - 1; i >= 0; i--) {
        out[q][i] = (int) heaps[q].poll()[1];
      }
    }
    return out;
  }

  private static long[] entry(float score, int row) {
    return new long[] {Float.floatToRawIntBits(score), row};
  }

  /** Smallest score first; among equal scores the higher row is worse. */
  private static int compareWorstFirst(long[] a, long[] b) {
    int c = Float.compare(Float.intBitsToFloat((int) a[0]), Float.intBitsToFloat((int) b[0]));
    return c != 0 ? c : Long.compare(b[1], a[1]);
  }

  /** Dot product of {@code q} with row {@code row} of {@code m}. */
  public static float dot(FloatMatrix m, int row, float[] q) {
    if (m.order() == java.nio.ByteOrder.nativeOrder()) {
      return dot(m.segment(), (long) row * m.dim() * Float.BYTES, q);
    }
    var segment = m.segment();
    var layout = m.layout();
    long base = (long) row * m.dim();
    float sum = 0;
    for (int i = 0; i < q.length; i++) {
      sum += segment.getAtIndex(layout, base + i) * q[i];
    }
    return sum;
  }

  static float dot(MemorySegment data, long offset, float[] q) {
    FloatVector acc = FloatVector.zero(SPECIES);
    int i = 0;
    int upper = SPECIES.loopBound(q.length);
    for (; i < upper; i += SPECIES.length()) {
      FloatVector a = FloatVector.fromMemorySegment(SPECIES, data, offset + (long) i * Float.BYTES, ByteOrder.nativeOrder());
      acc = a.fma(FloatVector.fromArray(SPECIES, q, i), acc);
    }
    float sum = acc.reduceLanes(VectorOperators.ADD);
    for (; i < q.length; i++) {
      sum += data.get(java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED, offset + (long) i * Float.BYTES) * q[i];
    }
    return sum;
  }

  /** Float sums like the SIMD path, for matrices not in native byte order (copied row by row). */
  static float dot(float[] a, float[] b) {
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /**
   * Dot product of the int8 codes at {@code offset} of {@code codes} ({@code q.length} bytes) with
   * {@code q}: each code widened to a float, so a query pre-multiplied by the codes' scales gives
   * the approximate dot product of the vectors they quantise ({@link QuantizedRows}).
   */
  static float dotCodes(MemorySegment codes, long offset, float[] q) {
    FloatVector acc0 = FloatVector.zero(SPECIES);
    FloatVector acc1 = FloatVector.zero(SPECIES);
    int lanes = SPECIES.length();
    int i = 0;
    // Two accumulators hide the FMA latency, as in va-learn's kernels.
    for (; i + 2 * lanes <= q.length; i += 2 * lanes) {
      acc0 = widen(codes, offset + i).fma(FloatVector.fromArray(SPECIES, q, i), acc0);
      acc1 = widen(codes, offset + i + lanes).fma(FloatVector.fromArray(SPECIES, q, i + lanes), acc1);
    }
    for (; i + lanes <= q.length; i += lanes) {
      acc0 = widen(codes, offset + i).fma(FloatVector.fromArray(SPECIES, q, i), acc0);
    }
    float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
    for (; i < q.length; i++) {
      sum += codes.get(java.lang.foreign.ValueLayout.JAVA_BYTE, offset + i) * q[i];
    }
    return sum;
  }

  private static FloatVector widen(MemorySegment codes, long offset) {
    return (FloatVector) ByteVector.fromMemorySegment(CODES, codes, offset, ByteOrder.nativeOrder())
        .convertShape(VectorOperators.B2F, SPECIES, 0);
  }
}

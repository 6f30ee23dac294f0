package org.videoannotator.index;

import java.util.PriorityQueue;
import org.videoannotator.core.vectors.DotProducts;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * Brute-force top-k by dot product over every row of a matrix: the ground truth that recall is
 * measured against. One pass over the matrix serves a whole batch of queries, so each row is read
 * from memory (or the page cache) once per batch rather than once per query.
 */
public final class ExactSearch {
  private static final DotProducts DOTS = DotProducts.best();

  private ExactSearch() {}

  /**
   * For each query, the rows of the {@code k} largest dot products, best first (ties by lower row).
   * Queries must have the matrix's dimension.
   */
  public static int[][] topK(FloatMatrix matrix, float[][] queries, int k) {
    int dim = matrix.dim();
    @SuppressWarnings("unchecked")
    PriorityQueue<long[]>[] heaps = new PriorityQueue[queries.length];
    for (int q = 0; q < queries.length; q++) {
      if (queries[q].length != dim) {
        throw new IllegalArgumentException(
            "query " + q + " has dimension " + queries[q].length + ", matrix " + dim);
      }
      heaps[q] = new PriorityQueue<>(k + 1, ExactSearch::compareWorstFirst);
    }
    for (int r = 0; r < matrix.rows(); r++) {
      for (int q = 0; q < queries.length; q++) {
        float score = dot(matrix, r, queries[q]);
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

  /** Dot product of {@code q} with row {@code row} of {@code m} (va-core's kernel, in float). */
  public static float dot(FloatMatrix m, int row, float[] q) {
    return DOTS.dot(m.segment(), (long) row * m.dim() * Float.BYTES, m.layout(), q);
  }
}

package org.videoannotator.learn;

import java.util.function.IntPredicate;

/**
 * Top-k style selections over a score array with a bounded heap (O(n log k), no full sort),
 * skipping excluded rows. Results are ordered best first; equal priorities go to the lower row.
 */
public final class Selections {
  /** Excludes nothing. */
  public static final IntPredicate NONE = row -> false;

  private Selections() {}

  /** The {@code k} highest-scoring rows, highest first. */
  public static int[] top(float[] scores, int k, IntPredicate excluded) {
    return best(scores.length, k, excluded, row -> scores[row]);
  }

  /** The {@code k} lowest-scoring rows, lowest first. */
  public static int[] bottom(float[] scores, int k, IntPredicate excluded) {
    return best(scores.length, k, excluded, row -> -(double) scores[row]);
  }

  /** The {@code k} rows whose score is closest to {@code threshold}, closest first. */
  public static int[] nearest(float[] scores, double threshold, int k, IntPredicate excluded) {
    return best(scores.length, k, excluded, row -> -Math.abs(scores[row] - threshold));
  }

  /** Priority of a row; higher is better. */
  @FunctionalInterface
  interface Priority {
    double of(int row);
  }

  /** The k rows of highest priority among {@code [0, n)} not excluded, best first. */
  static int[] best(int n, int k, IntPredicate excluded, Priority priority) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, got " + k);
    }
    // min-heap on (priority, then higher row is worse) holding the best k seen so far
    int[] heapRows = new int[Math.min(k, n)];
    double[] heapPri = new double[heapRows.length];
    int size = 0;
    if (heapRows.length == 0) {
      return new int[0];
    }
    for (int row = 0; row < n; row++) {
      if (excluded.test(row)) {
        continue;
      }
      double p = priority.of(row);
      if (Double.isNaN(p)) {
        continue;
      }
      if (size < heapRows.length) {
        heapRows[size] = row;
        heapPri[size] = p;
        siftUp(heapRows, heapPri, size++);
      } else if (worse(heapPri[0], heapRows[0], p, row)) {
        heapRows[0] = row;
        heapPri[0] = p;
        siftDown(heapRows, heapPri, size);
      }
    }
    // pop worst-first into the tail of the result to get best-first order
    int[] out = new int[size];
    for (int i = size - 1; i >= 0; i--) {
      out[i] = heapRows[0];
      size--;
      heapRows[0] = heapRows[size];
      heapPri[0] = heapPri[size];
      siftDown(heapRows, heapPri, size);
    }
    return out;
  }

  /** Whether (pa, ra) ranks below (pb, rb). */
  private static boolean worse(double pa, int ra, double pb, int rb) {
    return pa < pb || (pa == pb && ra > rb);
  }

  private static void siftUp(int[] rows, double[] pri, int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(pri[i], rows[i], pri[parent], rows[parent])) {
        return;
      }
      swap(rows, pri, i, parent);
      i = parent;
    }
  }

  private static void siftDown(int[] rows, double[] pri, int size) {
    int i = 0;
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int child = left;
      int right = left + 1;
      if (right < size && worse(pri[right], rows[right], pri[left], rows[left])) {
        child = right;
      }
      if (!worse(pri[child], rows[child], pri[i], rows[i])) {
        return;
      }
      swap(rows, pri, i, child);
      i = child;
    }
  }

  private static void swap(int[] rows, double[] pri, int a, int b) {
    int r = rows[a];
    rows[a] = rows[b];
    rows[b] = r;
    double p = pri[a];
    pri[a] = pri[b];
    pri[b] = p;
  }
}

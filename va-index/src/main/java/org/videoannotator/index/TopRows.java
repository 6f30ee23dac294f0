package org.videoannotator.index;

import java.util.Arrays;

/**
 * The {@code n} best (row, score) pairs offered so far: a bounded min-heap on primitive arrays, so
 * a scan over half a million rows allocates nothing per row. Ties keep the lower row.
 */
final class TopRows {
  private final int[] rows;
  private final float[] scores;
  private int size;

  TopRows(int n) {
    rows = new int[n];
    scores = new float[n];
  }

  void offer(int row, float score) {
    if (size < rows.length) {
      rows[size] = row;
      scores[size] = score;
      up(size++);
    } else if (size > 0 && worse(0, row, score)) {
      rows[0] = row;
      scores[0] = score;
      down(0);
    }
  }

  void addAll(TopRows other) {
    for (int i = 0; i < other.size; i++) {
      offer(other.rows[i], other.scores[i]);
    }
  }

  /** The rows held, in no particular order. */
  int[] rows() {
    return Arrays.copyOf(rows, size);
  }

  /** Whether the entry at heap slot {@code i} is worse than (row, score). */
  private boolean worse(int i, int row, float score) {
    return scores[i] < score || (scores[i] == score && rows[i] > row);
  }

  private void up(int i) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!worse(i, rows[parent], scores[parent])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void down(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int child = left + 1 < size && worse(left + 1, rows[left], scores[left]) ? left + 1 : left;
      if (!worse(child, rows[i], scores[i])) {
        return;
      }
      swap(i, child);
      i = child;
    }
  }

  private void swap(int a, int b) {
    int r = rows[a];
    rows[a] = rows[b];
    rows[b] = r;
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
  }
}

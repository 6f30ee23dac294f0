package org.videoannotator.datasets;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.videoannotator.core.vectors.FloatMatrix;

/** Scores every row of a matrix and orders rows by score, ties broken by row number. */
final class Ranking {
  private Ranking() {}

  /** Row scores {@code score(row)}, computed in parallel blocks (each row independently). */
  static float[] scoreAll(FloatMatrix matrix, ToDoubleFunction<float[]> score) {
    float[] out = new float[matrix.rows()];
    int block = 4096;
    IntStream.range(0, (matrix.rows() + block - 1) / block)
        .parallel()
        .forEach(
            b -> {
              float[] row = new float[matrix.dim()];
              int end = Math.min(matrix.rows(), (b + 1) * block);
              for (int r = b * block; r < end; r++) {
                matrix.copyRow(r, row);
                out[r] = (float) score.applyAsDouble(row);
              }
            });
    return out;
  }

  /** Cosine-free dot product scorer: rows and {@code query} are unit vectors. */
  static float[] dotAll(FloatMatrix matrix, float[] query) {
    return scoreAll(matrix, row -> Seeds.dot(row, query));
  }

  /** All rows ordered by descending {@code key[row]}, ties by ascending row. */
  static int[] descending(float[] key) {
    long[] packed = new long[key.length];
    for (int r = 0; r < key.length; r++) {
      packed[r] = ((long) sortable(-key[r]) << 32) | r;
    }
    Arrays.sort(packed);
    int[] out = new int[key.length];
    for (int r = 0; r < key.length; r++) {
      out[r] = (int) packed[r];
    }
    return out;
  }

  /** Maps a float to an int whose signed order matches the float order. */
  private static int sortable(float f) {
    int bits = Float.floatToIntBits(f == 0f ? 0f : f);
    return bits < 0 ? bits ^ 0x7FFFFFFF : bits;
  }
}

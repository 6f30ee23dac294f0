package org.videoannotator.core.vectors;

import java.util.Objects;

/**
 * Embeddings keyed by shot key: row {@code i} of {@code matrix} belongs to {@code keys.key(i)}. The
 * common currency between the data set reader, the corpus, the learner and the scorer.
 */
public record KeyedMatrix(KeyIndex keys, FloatMatrix matrix) implements AutoCloseable {
  public KeyedMatrix {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(matrix, "matrix");
    if (keys.size() != matrix.rows()) {
      throw new IllegalArgumentException(
          keys.size() + " keys for a matrix of " + matrix.rows() + " rows");
    }
  }

  public int size() {
    return matrix.rows();
  }

  public int dim() {
    return matrix.dim();
  }

  /** The embedding of {@code key}; an unknown key is an error that names it. */
  public float[] vector(String key) {
    int row = keys.rowOf(key);
    if (row < 0) {
      throw new IllegalArgumentException("unknown key '" + key + "'");
    }
    return matrix.row(row);
  }

  @Override
  public void close() {
    matrix.close();
  }
}

package org.videoannotator.spark.score;

import org.videoannotator.core.UserException;

/**
 * A row whose vector the model cannot score, and the one-line error naming its clip.
 *
 * @param row the row's index (in its row group or block)
 * @param floats the vector's dimension, or {@link #NONE} (no vector), or {@link #NOT_FLOATS}
 */
record BadVector(int row, int floats) {
  static final int NONE = -2;
  static final int NOT_FLOATS = -1;

  /** Refuses a vector of another dimension than {@code dim} (or none), naming the clip. */
  static void check(int floats, int dim, String key) {
    if (floats != dim) {
      throw new BadVector(0, floats).error(key, dim);
    }
  }

  UserException error(String key, int dim) {
    if (floats == NONE) {
      return new UserException(
          "clip '" + key + "' has no vector; every row of a scored table needs one");
    }
    return new UserException(
        "clip '"
            + key
            + "' has "
            + (floats == NOT_FLOATS
                ? "a binary vector that is not whole float32 values"
                : "a vector of dimension " + floats)
            + " but the model has dimension "
            + dim
            + "; score vectors made by the model's embedder");
  }
}

package org.videoannotator.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import org.videoannotator.core.Progress;
import org.videoannotator.core.UserException;
import org.videoannotator.core.hdf5.Hdf5Matrix;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * Opens the {@code embeddings} dataset of {@code embeddings.h5} as a {@link FloatMatrix} (through
 * {@link Hdf5Matrix}: memory-mapped when it is contiguous float32, as the release is).
 */
final class EmbeddingsFile {
  static final String DATASET = "embeddings";
  private static final int PROGRESS_ROWS = 100_000;

  private EmbeddingsFile() {}

  static FloatMatrix open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserException(
          file
              + ": file not found; a data set folder needs embeddings.h5"
              + " with a float32 dataset '"
              + DATASET
              + "' of shape [shots, dim]");
    }
    return Hdf5Matrix.openFloat32(file, DATASET);
  }

  /**
   * The first row holding a NaN or infinite value, or -1; one streaming pass (with a progress bar
   * on large matrices, where the pass reads about a gigabyte).
   */
  static int firstNonFiniteRow(FloatMatrix matrix) {
    float[] row = new float[matrix.dim()];
    try (Progress progress =
        matrix.rows() >= PROGRESS_ROWS
            ? Progress.start("checking embeddings", matrix.rows(), "shots")
            : null) {
      for (int r = 0; r < matrix.rows(); r++) {
        matrix.copyRow(r, row);
        for (float v : row) {
          if (!Float.isFinite(v)) {
            return r;
          }
        }
        if (progress != null && (r + 1) % 4096 == 0) {
          progress.stepBy(4096);
        }
      }
    }
    return -1;
  }
}

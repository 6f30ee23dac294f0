package org.videoannotator.embed.precomputed;

import java.nio.file.Path;
import org.videoannotator.core.hdf5.Hdf5Matrix;
import org.videoannotator.core.vectors.FloatMatrix;

/** A 2-D float32/float64 dataset of an HDF5 file, read through {@link Hdf5Matrix}. */
final class Hdf5Rows implements RowSource {
  private final FloatMatrix matrix;

  Hdf5Rows(Path file, String datasetPath) {
    matrix = Hdf5Matrix.open(file, datasetPath);
  }

  @Override
  public int rows() {
    return matrix.rows();
  }

  @Override
  public int dim() {
    return matrix.dim();
  }

  @Override
  public float[][] read(int from, int count) {
    float[][] out = new float[count][];
    for (int i = 0; i < count; i++) {
      out[i] = matrix.row(from + i);
    }
    return out;
  }

  @Override
  public void close() {
    matrix.close();
  }
}

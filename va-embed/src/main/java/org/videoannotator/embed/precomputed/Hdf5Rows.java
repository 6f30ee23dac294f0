package org.videoannotator.embed.precomputed;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.nio.file.Path;
import org.videoannotator.core.UserException;

/** A 2-D float32/float64 dataset of an HDF5 file (jhdf), read in row slices. */
final class Hdf5Rows implements RowSource {
  private final HdfFile hdf;
  private final Dataset dataset;
  private final int rows;
  private final int dim;

  Hdf5Rows(Path file, String datasetPath) {
    try {
      hdf = new HdfFile(file);
    } catch (RuntimeException e) {
      throw new UserException(file + " is not a readable HDF5 file: " + e.getMessage(), e);
    }
    try {
      Node node = hdf.getByPath(datasetPath);
      if (!(node instanceof Dataset d)) {
        throw new UserException(file + ": '" + datasetPath + "' is not a dataset");
      }
      dataset = d;
      int[] dims = d.getDimensions();
      Class<?> type = d.getJavaType();
      if (dims.length != 2 || (type != float.class && type != double.class)) {
        throw new UserException(file + ": dataset '" + datasetPath + "' must be a 2-D float32 or"
            + " float64 array, found " + java.util.Arrays.toString(dims) + " of " + type);
      }
      rows = dims[0];
      dim = dims[1];
    } catch (RuntimeException e) {
      hdf.close();
      if (e instanceof UserException) {
        throw e;
      }
      throw new UserException(file + ": no dataset '" + datasetPath + "' (" + e.getMessage()
          + "); name it with --dataset", e);
    }
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public float[][] read(int from, int count) {
    Object data = dataset.getData(new long[] {from, 0}, new int[] {count, dim});
    if (data instanceof float[][] f) {
      return f;
    }
    double[][] d = (double[][]) data;
    float[][] out = new float[count][dim];
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < dim; j++) {
        out[i][j] = (float) d[i][j];
      }
    }
    return out;
  }

  @Override
  public void close() {
    hdf.close();
  }
}

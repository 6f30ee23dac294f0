package org.videoannotator.core.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FloatingPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * Opens a 2-D floating-point dataset of an HDF5 file as a {@link FloatMatrix}: the one HDF5 reader
 * of the project. A contiguous, unfiltered float32 dataset (h5py's default, and what the released
 * data holds) is memory-mapped in place, so a gigabyte matrix never lands on the heap; a chunked,
 * compressed or float64 one is read whole into one flat heap array (never a {@code float[][]}).
 *
 * <p>It reads whole datasets rather than slices on purpose: jHDF 0.9.4 returns zeros for rows past
 * the first chunk when slicing chunked datasets.
 */
public final class Hdf5Matrix {
  private static final Logger LOG = LoggerFactory.getLogger(Hdf5Matrix.class);

  private Hdf5Matrix() {}

  /**
   * The dataset at {@code datasetPath} (e.g. {@code "embeddings"} or {@code "/group/x"}).
   *
   * @throws UserException naming the file and dataset when the file is missing or not HDF5, the
   *     dataset is absent, not 2-D, empty, not floating point, or too large for the heap
   */
  public static FloatMatrix open(Path file, String datasetPath) {
    return open(file, datasetPath, true);
  }

  /**
   * Like {@link #open(Path, String)} but refuses float64, for formats that promise float32 (a
   * silent conversion would make figures differ from tools that compute in double).
   */
  public static FloatMatrix openFloat32(Path file, String datasetPath) {
    return open(file, datasetPath, false);
  }

  private static FloatMatrix open(Path file, String datasetPath, boolean allowFloat64) {
    if (!Files.isRegularFile(file)) {
      throw new UserException(
          file
              + ": file not found; expected an HDF5 file with a 2-D float"
              + " dataset '"
              + datasetPath
              + "'");
    }
    try (HdfFile hdf = new HdfFile(file)) {
      Dataset dataset = dataset(hdf, file, datasetPath);
      int[] dims = dataset.getDimensions();
      if (dims.length != 2 || dims[0] == 0 || dims[1] == 0) {
        throw new UserException(
            file
                + ": dataset '"
                + datasetPath
                + "' has shape "
                + Arrays.toString(dims)
                + "; expected a non-empty 2-D [rows, dim] matrix");
      }
      DataType type = dataset.getDataType();
      if (!(type instanceof FloatingPoint fp)
          || (type.getSize() != Float.BYTES && !(allowFloat64 && type.getSize() == Double.BYTES))) {
        throw new UserException(
            file
                + ": dataset '"
                + datasetPath
                + "' holds "
                + type.getClass().getSimpleName()
                + " of "
                + type.getSize()
                + " bytes; expected float32 (convert with numpy .astype('float32'))");
      }
      boolean mappable =
          type.getSize() == Float.BYTES
              && dataset instanceof ContiguousDataset
              && dataset.getFilters().isEmpty();
      if (mappable) {
        return FloatMatrix.map(
            file,
            ((ContiguousDataset) dataset).getDataAddress(),
            dims[0],
            dims[1],
            fp.getByteOrder());
      }
      if ((long) dims[0] * dims[1] > Integer.MAX_VALUE - 8) {
        throw new UserException(
            file
                + ": dataset '"
                + datasetPath
                + "' of shape "
                + Arrays.toString(dims)
                + " is chunked, compressed or float64 and too large for one"
                + " heap array; rewrite it as contiguous, uncompressed float32 (h5py's default)");
      }
      LOG.info(
          "{}: dataset '{}' is chunked, compressed or float64, so it cannot be memory-mapped;"
              + " reading {} x {} onto the heap as float32",
          file,
          datasetPath,
          dims[0],
          dims[1]);
      return FloatMatrix.ofHeap(flatFloats(dataset.getDataFlat()), dims[0], dims[1]);
    } catch (HdfException e) {
      throw new UserException(file + ": not a readable HDF5 file (" + e.getMessage() + ")", e);
    }
  }

  private static Dataset dataset(HdfFile hdf, Path file, String datasetPath) {
    Node node;
    try {
      node = hdf.getByPath(datasetPath);
    } catch (HdfException e) {
      node = null;
    }
    if (!(node instanceof Dataset dataset)) {
      throw new UserException(
          file
              + ": no dataset named '"
              + datasetPath
              + "' (the root holds "
              + hdf.getChildren().keySet()
              + "); store the matrix as '"
              + datasetPath
              + "' or name the dataset to read");
    }
    return dataset;
  }

  private static float[] flatFloats(Object data) {
    if (data instanceof float[] f) {
      return f;
    }
    double[] d = (double[]) data;
    float[] out = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = (float) d[i];
    }
    return out;
  }
}

package org.videoannotator.datasets;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FloatingPoint;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Progress;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * Opens the {@code embeddings} dataset of {@code embeddings.h5} as a {@link FloatMatrix}. A
 * contiguous, unfiltered float32 dataset (what h5py writes by default and what the release holds)
 * is memory-mapped in place, so the ~1 GB matrix never lands on the heap; a chunked or compressed
 * one is read into a single flat heap array (never a {@code float[][]}), and a log line says so.
 */
final class EmbeddingsFile {
  static final String DATASET = "embeddings";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingsFile.class);
  private static final int PROGRESS_ROWS = 100_000;

  private EmbeddingsFile() {}

  /** Layout of the dataset as found in the file. */
  record Layout(int rows, int dim, ByteOrder order, long dataAddress) {
    boolean mappable() {
      return dataAddress >= 0;
    }
  }

  static FloatMatrix open(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserException(file + ": file not found; a data set folder needs embeddings.h5"
          + " with a float32 dataset '" + DATASET + "' of shape [shots, dim]");
    }
    try (HdfFile hdf = new HdfFile(file)) {
      Dataset dataset = findDataset(hdf, file);
      Layout layout = layout(dataset, file);
      if (layout.mappable()) {
        return FloatMatrix.map(file, layout.dataAddress(), layout.rows(), layout.dim(),
            layout.order());
      }
      LOG.info("{}: dataset '{}' is chunked or compressed, so it cannot be memory-mapped;"
          + " reading {} x {} float32 onto the heap", file, DATASET, layout.rows(), layout.dim());
      return readToHeap(dataset, layout);
    } catch (HdfException e) {
      throw new UserException(file + ": not a readable HDF5 file (" + e.getMessage() + ")", e);
    }
  }

  private static Dataset findDataset(HdfFile hdf, Path file) {
    Node node = hdf.getChildren().get(DATASET);
    if (!(node instanceof Dataset dataset)) {
      throw new UserException(file + ": no dataset named '" + DATASET + "' at the root (found "
          + hdf.getChildren().keySet() + "); store the shot embeddings as '" + DATASET + "'");
    }
    return dataset;
  }

  private static Layout layout(Dataset dataset, Path file) {
    int[] dims = dataset.getDimensions();
    if (dims.length != 2 || dims[0] == 0 || dims[1] == 0) {
      throw new UserException(file + ": dataset '" + DATASET + "' has shape "
          + Arrays.toString(dims) + "; expected a non-empty 2-D [shots, dim] matrix");
    }
    DataType type = dataset.getDataType();
    if (!(type instanceof FloatingPoint fp) || type.getSize() != Float.BYTES) {
      throw new UserException(file + ": dataset '" + DATASET + "' holds "
          + type.getClass().getSimpleName() + " of " + type.getSize()
          + " bytes; expected float32 (convert with numpy .astype('float32'))");
    }
    if ((long) dims[0] * dims[1] > Integer.MAX_VALUE - 8 && !isMappable(dataset)) {
      throw new UserException(file + ": dataset '" + DATASET + "' of shape "
          + Arrays.toString(dims) + " is chunked or compressed and too large for one heap array;"
          + " rewrite it contiguous and uncompressed (h5py's default)");
    }
    long address = isMappable(dataset) ? ((ContiguousDataset) dataset).getDataAddress() : -1;
    return new Layout(dims[0], dims[1], fp.getByteOrder(), address);
  }

  private static boolean isMappable(Dataset dataset) {
    return dataset instanceof ContiguousDataset && dataset.getFilters().isEmpty();
  }

  /**
   * Reads the whole dataset into one flat heap array. jHDF 0.9.4 returns wrong values when
   * slicing chunked datasets (rows past the first chunk read as zeros), so this reads it whole;
   * jHDF holds the decoded bytes transiently beside the array.
   */
  private static FloatMatrix readToHeap(Dataset dataset, Layout layout) {
    float[] values = (float[]) dataset.getDataFlat();
    return FloatMatrix.ofHeap(values, layout.rows(), layout.dim());
  }

  /**
   * The first row holding a NaN or infinite value, or -1; one streaming pass (with a progress bar
   * on large matrices, where the pass reads about a gigabyte).
   */
  static int firstNonFiniteRow(FloatMatrix matrix) {
    float[] row = new float[matrix.dim()];
    try (Progress progress = matrix.rows() >= PROGRESS_ROWS
        ? Progress.start("checking embeddings", matrix.rows(), "shots") : null) {
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

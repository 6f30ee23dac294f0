package org.videoannotator.core.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.FloatingPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes one contiguous float32 2-D dataset to a new HDF5 file, streaming rows.
 *
 * <p>jHDF 0.9 writes datasets only from a Java array. To keep a 500k x 512 matrix off the heap we
 * hand jHDF a {@code float[rows][]} whose rows all alias one zero row: jHDF then lays out a valid
 * file (superblock, object headers, contiguous data block) at the cost of writing zeros, and we
 * overwrite the data block in place, row by row, at the address jHDF recorded. The file is thus
 * exactly what jHDF (and h5py) read as an ordinary contiguous dataset.
 */
public final class Hdf5MatrixWriter {
  /** Supplies row {@code row} of the matrix into {@code dst[0..dim)}. */
  @FunctionalInterface
  public interface RowSource {
    void fill(int row, float[] dst);
  }

  private static final int ROWS_PER_WRITE = 256;

  private Hdf5MatrixWriter() {}

  public static void write(Path file, String name, int rows, int dim, RowSource source) {
    if (rows <= 0 || dim <= 0) {
      throw new IllegalArgumentException("bad matrix shape " + rows + " x " + dim);
    }
    float[][] placeholder = new float[rows][];
    Arrays.fill(placeholder, new float[dim]);
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putDataset(name, placeholder);
    }
    long address;
    ByteOrder order;
    try (HdfFile hdf = new HdfFile(file)) {
      Dataset dataset = hdf.getDatasetByPath(name);
      if (!(dataset instanceof ContiguousDataset contiguous)) {
        throw new IllegalStateException(file + ": jHDF did not write a contiguous dataset");
      }
      address = contiguous.getDataAddress();
      order = ((FloatingPoint) dataset.getDataType()).getByteOrder();
    }
    overwriteData(file, address, order, rows, dim, source);
  }

  private static void overwriteData(
      Path file, long address, ByteOrder order, int rows, int dim, RowSource source) {
    ByteBuffer buffer = ByteBuffer.allocate(ROWS_PER_WRITE * dim * Float.BYTES).order(order);
    float[] row = new float[dim];
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      long position = address;
      for (int r = 0; r < rows; r++) {
        source.fill(r, row);
        buffer.asFloatBuffer().put(row);
        buffer.position(buffer.position() + dim * Float.BYTES);
        if (!buffer.hasRemaining() || r == rows - 1) {
          buffer.flip();
          while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
          }
          buffer.clear();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": write failed", e);
    }
  }
}

package org.videoannotator.core.vectors;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.videoannotator.core.UserException;

/**
 * A dense row-major {@code rows x dim} matrix of float32, held in one {@link MemorySegment}: either
 * a memory-mapped region of a file (the 504k x 512 released embeddings, ~1 GB, are never copied
 * onto the heap) or a heap array. Reads are thread-safe; the matrix is immutable.
 *
 * <p>Close it to unmap a file-backed matrix; a closed matrix must not be read again.
 */
public final class FloatMatrix implements AutoCloseable {
  private final MemorySegment data;
  private final int rows;
  private final int dim;
  private final ValueLayout.OfFloat layout;
  private final Arena arena;

  private FloatMatrix(MemorySegment data, int rows, int dim, ByteOrder order, Arena arena) {
    if (rows < 0 || dim <= 0) {
      throw new IllegalArgumentException("bad matrix shape " + rows + " x " + dim);
    }
    long need = (long) rows * dim * Float.BYTES;
    if (data.byteSize() < need) {
      throw new IllegalArgumentException(
          "segment of " + data.byteSize() + " bytes is too small for " + rows + " x " + dim);
    }
    this.data = data.asSlice(0, need);
    this.rows = rows;
    this.dim = dim;
    this.layout = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(order);
    this.arena = arena;
  }

  /** Wraps {@code values} (row-major, length {@code rows * dim}) without copying. */
  public static FloatMatrix ofHeap(float[] values, int rows, int dim) {
    if ((long) rows * dim != values.length) {
      throw new IllegalArgumentException(
          "array of " + values.length + " floats is not " + rows + " x " + dim);
    }
    return new FloatMatrix(MemorySegment.ofArray(values), rows, dim, ByteOrder.nativeOrder(), null);
  }

  /** Copies {@code rows} (each of the same length) into a new heap matrix. */
  public static FloatMatrix ofRows(float[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("no rows");
    }
    int dim = rows[0].length;
    float[] flat = new float[Math.multiplyExact(rows.length, dim)];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != dim) {
        throw new IllegalArgumentException(
            "row " + i + " has " + rows[i].length + " values, row 0 has " + dim);
      }
      System.arraycopy(rows[i], 0, flat, i * dim, dim);
    }
    return ofHeap(flat, rows.length, dim);
  }

  /**
   * Memory-maps {@code rows x dim} float32 values stored at {@code offset} of {@code file}, read
   * only, in the given byte order.
   */
  public static FloatMatrix map(Path file, long offset, int rows, int dim, ByteOrder order) {
    long bytes = (long) rows * dim * Float.BYTES;
    Arena arena = Arena.ofShared();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (offset < 0 || offset + bytes > size) {
        throw new UserException(
            file
                + ": expected "
                + bytes
                + " bytes of float32 data at offset "
                + offset
                + " for "
                + rows
                + " x "
                + dim
                + ", but the file has "
                + size
                + " bytes;"
                + " the file is truncated or its shape is wrong");
      }
      MemorySegment segment = channel.map(FileChannel.MapMode.READ_ONLY, offset, bytes, arena);
      return new FloatMatrix(segment, rows, dim, order, arena);
    } catch (IOException e) {
      arena.close();
      throw new UserException(file + ": cannot map embeddings (" + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      arena.close();
      throw e;
    }
  }

  public int rows() {
    return rows;
  }

  public int dim() {
    return dim;
  }

  /** The whole matrix, {@code rows * dim * 4} bytes; use {@link #layout()} to read it. */
  public MemorySegment segment() {
    return data;
  }

  /** Element layout (float32 in the matrix's byte order, unaligned). */
  public ValueLayout.OfFloat layout() {
    return layout;
  }

  /** The byte order of the stored floats. */
  public ByteOrder order() {
    return layout.order();
  }

  public float get(int row, int col) {
    return data.getAtIndex(layout, (long) row * dim + col);
  }

  /** Copies row {@code row} into {@code dst[0..dim)}. */
  public void copyRow(int row, float[] dst) {
    if (row < 0 || row >= rows) {
      throw new IndexOutOfBoundsException("row " + row + " of " + rows);
    }
    MemorySegment.copy(data, layout, (long) row * dim * Float.BYTES, dst, 0, dim);
  }

  /** Row {@code row} as a new array. */
  public float[] row(int row) {
    float[] out = new float[dim];
    copyRow(row, out);
    return out;
  }

  @Override
  public void close() {
    if (arena != null) {
      arena.close();
    }
  }

  @Override
  public String toString() {
    return "FloatMatrix[" + rows + " x " + dim + (arena != null ? ", mapped" : ", heap") + "]";
  }
}

package org.videoannotator.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * The corpus's vectors: one growing file of {@code rows x dim} float32, little-endian, row-major,
 * no header. Readers map the first {@code rows} rows; bytes beyond are an unfinished append's tail.
 */
final class VectorFile {
  static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

  private final Path path;
  private final int dim;

  VectorFile(Path path, int dim) {
    this.path = path;
    this.dim = dim;
  }

  Path path() {
    return path;
  }

  long bytesFor(long rows) {
    return rows * dim * Float.BYTES;
  }

  /** Fails unless the file holds at least {@code rows} full rows. */
  void checkHolds(long rows) {
    try {
      long size = Files.exists(path) ? Files.size(path) : 0;
      if (size < bytesFor(rows)) {
        throw new CorpusDamagedException(
            path
                + " holds "
                + size / ((long) dim * Float.BYTES)
                + " vectors of dimension "
                + dim
                + " but the manifest counts "
                + rows);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** Writes {@code vectors} (each of length dim) as rows {@code rows...}, then forces them. */
  void append(long rows, List<float[]> vectors) {
    ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(bytesFor(vectors.size()))).order(ORDER);
    for (float[] v : vectors) {
      buffer.asFloatBuffer().put(v);
      buffer.position(buffer.position() + v.length * Float.BYTES);
    }
    buffer.flip();
    long start = bytesFor(rows);
    try (FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.truncate(start);
      while (buffer.hasRemaining()) {
        channel.write(buffer, start + buffer.position());
      }
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + path, e);
    }
  }

  /** Cuts the file to exactly {@code rows} rows. */
  void truncate(long rows) {
    try (FileChannel channel =
        FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.truncate(bytesFor(rows));
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot truncate " + path, e);
    }
  }

  /** The first {@code rows} rows, memory-mapped read-only. */
  FloatMatrix map(int rows) {
    if (rows == 0) {
      return FloatMatrix.ofHeap(new float[0], 0, dim);
    }
    return FloatMatrix.map(path, 0, rows, dim, ORDER);
  }
}

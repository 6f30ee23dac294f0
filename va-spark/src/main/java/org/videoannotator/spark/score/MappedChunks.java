package org.videoannotator.spark.score;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * Column chunks of a local Parquet file, memory-mapped one at a time as the single machine maps its
 * matrix: the page cache's bytes are read in place, with neither a copy into the heap nor Hadoop's
 * checksum stream (a third of the read's CPU). Each chunk is unmapped when the next is mapped and
 * when this closes.
 */
final class MappedChunks implements AutoCloseable {
  private final FileChannel file;
  private Arena mapping;

  MappedChunks(Path path) throws IOException {
    this.file = FileChannel.open(path, StandardOpenOption.READ);
  }

  /** Whether a chunk can be mapped as one buffer (a buffer holds under 2 GB). */
  static boolean fits(ColumnChunkMetaData chunk) {
    return chunk.getTotalSize() < Integer.MAX_VALUE;
  }

  /** The chunk's bytes, valid until the next call or {@link #close}. */
  ByteBuffer map(ColumnChunkMetaData chunk) throws IOException {
    unmap();
    mapping = Arena.ofConfined();
    return file.map(
            FileChannel.MapMode.READ_ONLY, chunk.getStartingPos(), chunk.getTotalSize(), mapping)
        .asByteBuffer();
  }

  private void unmap() {
    if (mapping != null) {
      mapping.close();
      mapping = null;
    }
  }

  @Override
  public void close() throws IOException {
    try (FileChannel f = file) {
      unmap();
    }
  }
}

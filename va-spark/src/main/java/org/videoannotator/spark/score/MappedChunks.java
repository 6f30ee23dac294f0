package org.videoannotator.spark.score;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * The column chunks of a local Parquet file, read in place from one memory mapping of the whole
 * file, as the single machine maps its matrix: the page cache's bytes are read with neither a copy
 * into the heap nor Hadoop's checksum stream (a third of the read's CPU). The file is mapped from
 * its start, so that the mapping's addresses keep the file's alignment and the kernel can map the
 * page cache's large folios whole: mapping each chunk at its own unaligned offset made the first
 * touch of the vectors (page faults) cost as much as scoring them. Unmapped when this closes.
 */
final class MappedChunks implements AutoCloseable {
  private final Arena mapping = Arena.ofConfined();
  private final MemorySegment file;

  MappedChunks(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      file = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), mapping);
    } catch (IOException | RuntimeException e) {
      mapping.close();
      throw e;
    }
  }

  /** Whether a chunk can be read as one buffer (a buffer holds under 2 GB). */
  static boolean fits(ColumnChunkMetaData chunk) {
    return chunk.getTotalSize() < Integer.MAX_VALUE;
  }

  /** The chunk's bytes, valid until {@link #close}. */
  ByteBuffer map(ColumnChunkMetaData chunk) {
    return file.asSlice(chunk.getStartingPos(), chunk.getTotalSize()).asByteBuffer();
  }

  @Override
  public void close() {
    mapping.close();
  }
}

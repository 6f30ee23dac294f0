package org.videoannotator.spark.score;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.DelegatingSeekableInputStream;

/**
 * A local file as parquet-mr's seekable stream, read through a file channel in bulk. parquet-mr's
 * own {@code LocalInputFile} stream reads {@code read(byte[], ...)} a byte at a time (a system call
 * per byte), which made copying the key chunks into the scores file cost 10 seconds per million
 * rows.
 */
final class LocalFileStream extends DelegatingSeekableInputStream {
  private final FileChannel channel;

  private LocalFileStream(FileChannel channel) {
    super(Channels.newInputStream(channel));
    this.channel = channel;
  }

  static LocalFileStream open(Path file) throws IOException {
    return new LocalFileStream(FileChannel.open(file, StandardOpenOption.READ));
  }

  @Override
  public long getPos() throws IOException {
    return channel.position();
  }

  @Override
  public void seek(long newPos) throws IOException {
    channel.position(newPos);
  }
}

package org.videoannotator.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An append-only UTF-8 file of one record per line, with the byte offset of every line kept in
 * memory for random access by row. Only the first {@link #rows()} lines count; bytes after them are
 * the tail of an unfinished append, which {@link #truncate} cuts off. Thread-safe.
 *
 * <p>Interrupt-safe: a {@link FileChannel} closes itself when a thread is interrupted during an
 * operation on it (a cancelled build, say), which would break every later read by every thread. So
 * each operation that finds the channel closed by someone other than {@link #close} reopens it and
 * retries; the interrupted thread finishes its operation and keeps its interrupt status.
 */
final class LineFile implements AutoCloseable {
  private final Path path;
  private final boolean writable;
  private volatile FileChannel channel;
  private volatile boolean closed;
  // offsets[i] = start of line i; offsets[rows] = end of the last counted line.
  private long[] offsets;
  private int rows;

  /** One operation on the channel, retried on a reopened channel if an interrupt closed it. */
  @FunctionalInterface
  private interface ChannelOp<T> {
    T apply(FileChannel channel) throws IOException;
  }

  private LineFile(Path path, boolean writable, FileChannel channel, long[] offsets, int rows) {
    this.path = path;
    this.writable = writable;
    this.channel = channel;
    this.offsets = offsets;
    this.rows = rows;
  }

  /**
   * Opens {@code path} (created when absent) and indexes its first {@code rows} lines; fewer
   * complete lines than that is corruption and an error naming the file.
   */
  static LineFile open(Path path, int rows, boolean writable) {
    try {
      if (writable && !Files.exists(path)) {
        Files.createFile(path);
      }
      FileChannel channel = openChannel(path, writable);
      long[] offsets = new long[Math.max(16, rows + 1)];
      int found = scan(channel, offsets, rows);
      if (found < rows) {
        channel.close();
        throw new CorpusDamagedException(
            path + " holds " + found + " complete lines but the manifest counts " + rows);
      }
      return new LineFile(path, writable, channel, offsets, rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path, e);
    }
  }

  private static FileChannel openChannel(Path path, boolean writable) throws IOException {
    return writable
        ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)
        : FileChannel.open(path, StandardOpenOption.READ);
  }

  /**
   * Runs {@code op}; when the channel turns out closed by an interrupt (this thread's or another
   * thread's), reopens it and runs {@code op} again. Ops must be safe to repeat from the start.
   */
  private <T> T withChannel(ChannelOp<T> op) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        FileChannel current = channel;
        try {
          return op.apply(current);
        } catch (ClosedChannelException e) {
          if (closed) {
            throw e;
          }
          // ClosedByInterruptException: our own interrupt; clear it so the retry can run.
          interrupted |= Thread.interrupted();
          reopen(current);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private synchronized void reopen(FileChannel broken) throws IOException {
    if (closed) {
      throw new ClosedChannelException();
    }
    if (channel == broken) {
      channel = openChannel(path, writable);
    }
  }

  /** Records line starts into offsets[0..rows]; returns how many complete lines were found. */
  private static int scan(FileChannel channel, long[] offsets, int rows) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    long position = 0;
    int found = 0;
    offsets[0] = 0;
    while (found < rows) {
      buffer.clear();
      int read = channel.read(buffer, position);
      if (read <= 0) {
        break;
      }
      for (int i = 0; i < read && found < rows; i++) {
        if (buffer.get(i) == '\n') {
          offsets[++found] = position + i + 1;
        }
      }
      position += read;
    }
    return found;
  }

  synchronized int rows() {
    return rows;
  }

  /** Line {@code row} without its line break. */
  String line(int row) {
    long start;
    long end;
    synchronized (this) {
      if (row < 0 || row >= rows) {
        throw new IndexOutOfBoundsException("row " + row + " of " + rows + " in " + path);
      }
      start = offsets[row];
      end = offsets[row + 1] - 1;
    }
    ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(end - start));
    try {
      withChannel(
          ch -> {
            buffer.clear();
            while (buffer.hasRemaining()) {
              if (ch.read(buffer, start + buffer.position()) < 0) {
                throw new CorpusDamagedException(path + " ends inside row " + row);
              }
            }
            return null;
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read row " + row + " of " + path, e);
    }
    return new String(buffer.array(), StandardCharsets.UTF_8);
  }

  /** The counted lines, read in one sequential pass. */
  synchronized List<String> readAll() {
    List<String> out = new ArrayList<>(rows);
    // A reader of its own: closing a stream over our channel would close the channel.
    try (var reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      for (int i = 0; i < rows; i++) {
        out.add(reader.readLine());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    return out;
  }

  /**
   * Writes {@code lines} after the counted rows (overwriting any tail) and forces them to disk;
   * they count from then on. Lines must not contain line breaks.
   */
  synchronized void append(List<String> lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      if (line.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("line break inside a record for " + path + ": " + line);
      }
      text.append(line).append('\n');
    }
    ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    long start = offsets[rows];
    try {
      withChannel(
          ch -> {
            bytes.rewind();
            ch.truncate(start);
            while (bytes.hasRemaining()) {
              ch.write(bytes, start + bytes.position());
            }
            ch.force(true);
            return null;
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + path, e);
    }
    if (offsets.length < rows + lines.size() + 1) {
      offsets = Arrays.copyOf(offsets, Math.max(offsets.length * 2, rows + lines.size() + 1));
    }
    long position = start;
    for (String line : lines) {
      position += line.getBytes(StandardCharsets.UTF_8).length + 1;
      offsets[++rows] = position;
    }
  }

  /** Forgets rows from {@code count} on and cuts them (and any tail) off the file. */
  synchronized void truncate(int count) {
    if (count > rows) {
      throw new IllegalArgumentException("cannot grow " + path + " from " + rows + " to " + count);
    }
    rows = count;
    long end = offsets[count];
    try {
      withChannel(
          ch -> {
            ch.truncate(end);
            ch.force(true);
            return null;
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot truncate " + path, e);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + path, e);
    }
  }
}

package org.videoannotator.spark.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Puts a benchmark's input files into the page cache the same way on both sides: each file is
 * dropped from the cache ({@code posix_fadvise(DONTNEED)}) and read back sequentially, as a stored
 * file is read from disk. How a file entered the cache decides what its first touch through a
 * memory mapping costs (the kernel's folio sizes): the Parquet files Spark had just written in
 * small writes cost 0.19 s per 2 GB to touch, the matrix written in 8 MB writes 0.063 s, either
 * file read back 0.012-0.025 s. Without this the two sides would be timed over differently cached
 * inputs.
 */
final class PageCache {
  private static final int O_RDONLY = 0;
  private static final int POSIX_FADV_DONTNEED = 4;
  private static final MethodHandle OPEN;
  private static final MethodHandle FADVISE;
  private static final MethodHandle CLOSE;

  static {
    Linker linker = Linker.nativeLinker();
    var libc = linker.defaultLookup();
    OPEN =
        linker.downcallHandle(
            libc.find("open").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    FADVISE =
        linker.downcallHandle(
            libc.find("posix_fadvise").orElseThrow(),
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_INT));
    CLOSE =
        linker.downcallHandle(
            libc.find("close").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
  }

  private PageCache() {}

  /** Every regular file under {@code path} (or the file itself), dropped and read back. */
  static void reload(Path path) {
    try (Stream<Path> files = Files.walk(path)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        drop(file);
        readThrough(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The machine's memory ({@code MemTotal} of {@code /proc/meminfo}); 0 where unknown. */
  static long memoryBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return 1024 * Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  private static void drop(Path file) {
    try (Arena arena = Arena.ofConfined()) {
      int fd = (int) OPEN.invokeExact(arena.allocateFrom(file.toString()), O_RDONLY);
      if (fd < 0) {
        throw new IOException("cannot open " + file);
      }
      int advised = (int) FADVISE.invokeExact(fd, 0L, 0L, POSIX_FADV_DONTNEED);
      int closed = (int) CLOSE.invokeExact(fd);
      if (advised != 0 || closed != 0) {
        throw new IOException("posix_fadvise failed on " + file + " (" + advised + ")");
      }
    } catch (Throwable e) {
      throw new IllegalStateException("cannot drop " + file + " from the page cache", e);
    }
  }

  private static void readThrough(Path file) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (channel.read(buffer) >= 0) {
        buffer.clear();
      }
    }
  }
}

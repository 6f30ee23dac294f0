package org.videoannotator.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.videoannotator.core.Json;

/** Whole-file replacement that a crash cannot leave half-written: temp file, fsync, rename. */
final class AtomicFiles {
  private AtomicFiles() {}

  static void writeJson(Path path, Object value) {
    try {
      byte[] bytes = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
      Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
      Files.write(tmp, bytes);
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(path.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** Makes a rename durable (Linux needs the directory itself fsync'ed). */
  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems refuse to open directories; the rename is still atomic there.
    }
  }
}

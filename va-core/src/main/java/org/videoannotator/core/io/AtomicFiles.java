package org.videoannotator.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.videoannotator.core.Json;

/**
 * Whole-file replacement that a crash cannot leave half-written: the content goes to a temporary
 * sibling, is fsync'ed, and is renamed over the target; readers see the old file or the new one,
 * never a mix. The project's one implementation of that pattern.
 */
public final class AtomicFiles {
  /** Writes the new content to {@code tmp} (a sibling of the target with the same extension). */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path tmp) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with what {@code content} writes, creating parent folders. The
   * temporary file keeps the target's extension (FFmpeg picks a container from it) and is unique
   * per thread, so threads writing different targets in one folder never collide.
   *
   * @param durable fsync the file and its folder, so the replacement survives a power loss, not
   *     only a crash (worth it for manifests and reports, not for re-creatable thumbnails)
   */
  public static void replace(Path target, boolean durable, Content content) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = temporaryFor(target);
    try {
      content.writeTo(tmp);
      if (durable) {
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      if (durable) {
        syncDirectory(parent);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The temporary sibling the calling thread writes before replacing {@code target}. */
  public static Path temporaryFor(Path target) {
    String name = target.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return target.resolveSibling(
        ".tmp-"
            + Thread.currentThread().threadId()
            + "-"
            + (dot <= 0 ? name : name.substring(0, dot))
            + (dot <= 0 ? "" : name.substring(dot)));
  }

  /** Durably replaces {@code target} with {@code value} as pretty-printed JSON. */
  public static void writeJson(Path target, Object value) {
    try {
      byte[] bytes = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
      replace(target, true, tmp -> Files.write(tmp, bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /**
   * Replaces {@code target} with {@code text} in UTF-8, creating parent folders; not fsync'ed (for
   * results and reports that a rerun writes again).
   */
  public static void writeText(Path target, CharSequence text) {
    try {
      replace(target, false, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Makes a rename durable (Linux needs the directory itself fsync'ed). */
  public static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems refuse to open directories; the rename is still atomic there.
    }
  }
}

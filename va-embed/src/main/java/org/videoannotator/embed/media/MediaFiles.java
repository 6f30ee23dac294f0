package org.videoannotator.embed.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a media file atomically: into a temporary sibling, then renamed over the target. */
final class MediaFiles {
  private MediaFiles() {}

  interface Writer {
    void write(Path tmp) throws IOException;
  }

  static void writeAtomically(Path target, Writer writer) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    String name = target.getFileName().toString();
    int dot = name.lastIndexOf('.');
    // Keep the extension: FFmpeg picks the container from it.
    Path tmp = target.resolveSibling(".tmp-" + Thread.currentThread().threadId() + "-"
        + (dot < 0 ? name : name.substring(0, dot)) + (dot < 0 ? "" : name.substring(dot)));
    try {
      writer.write(tmp);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}

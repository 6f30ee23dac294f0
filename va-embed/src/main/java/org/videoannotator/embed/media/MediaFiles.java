package org.videoannotator.embed.media;

import java.io.IOException;
import java.nio.file.Path;
import org.videoannotator.core.io.AtomicFiles;

/** Writes a media file atomically: into a temporary sibling, then renamed over the target. */
final class MediaFiles {
  private MediaFiles() {}

  interface Writer {
    void write(Path tmp) throws IOException;
  }

  static void writeAtomically(Path target, Writer writer) throws IOException {
    // Not durable: a thumbnail lost to a power cut is re-made by the next ingest.
    AtomicFiles.replace(target, false, writer::write);
  }
}

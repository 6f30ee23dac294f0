package org.videoannotator.embed.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.videoannotator.core.io.AtomicFiles;
import org.videoannotator.index.CorpusLayout;

/**
 * The per-file report of one ingest run, also written as {@link CorpusLayout#INGEST_REPORT} into
 * the corpus.
 *
 * @param embedder the embedder id
 * @param files one entry per file found, in the order found
 * @param seconds wall time of the run
 */
public record IngestReport(String embedder, List<FileResult> files, double seconds) {

  public IngestReport {
    files = List.copyOf(files);
  }

  public long count(String status) {
    return files.stream().filter(f -> f.status().equals(status)).count();
  }

  public int shots() {
    return files.stream().mapToInt(FileResult::shots).sum();
  }

  /** Failure (1) only when nothing could be ingested and something failed. */
  public int exitStatus() {
    // Any failed file makes the run fail, even when others were ingested: a re-run that finds the
    // good files already in the corpus and only the bad ones left then exits as the first run did.
    return count(FileResult.FAILED) > 0 ? 1 : 0;
  }

  public void write(Path corpusDir) throws IOException {
    AtomicFiles.writeJson(CorpusLayout.of(corpusDir).ingestReport(), this);
  }

  /** A human-readable table: one line per file, then totals. */
  public String table() {
    StringBuilder out = new StringBuilder();
    for (FileResult f : files) {
      out.append(
          String.format(
              "%-8s %-40s %5d shots %7.1f s  %s%n",
              f.status(),
              f.file(),
              f.shots(),
              f.seconds(),
              f.reason().isEmpty() ? String.join("; ", f.warnings()) : f.reason()));
    }
    out.append(
        String.format(
            "%d ok, %d skipped, %d failed; %d shots in %.1f s%n",
            count(FileResult.OK),
            count(FileResult.SKIPPED),
            count(FileResult.FAILED),
            shots(),
            seconds));
    return out.toString();
  }
}

package org.videoannotator.embed.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Progress;
import org.videoannotator.embed.model.Embedder;
import org.videoannotator.embed.model.ModelRecord;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusLayout;

/**
 * Ingests a batch of files into one corpus with a bounded pool ({@link IngestOptions#threads()}
 * videos at once), a progress bar over the bytes to read, and a per-file report. No single file can
 * stop the batch: any failure is recorded as that file's result.
 */
public final class Ingester {
  private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);

  private final Corpus corpus;
  private final Embedder embedder;
  private final IngestOptions options;

  /** The corpus must hold vectors of {@code embedder} (see {@link Corpus#openOrCreate}). */
  public Ingester(Corpus corpus, Embedder embedder, IngestOptions options) {
    corpus.requireCompatible(embedder.info(), embedder.dimension());
    this.corpus = corpus;
    this.embedder = embedder;
    this.options = options;
  }

  public IngestReport run(List<Path> paths) {
    long started = System.nanoTime();
    embedder.modelDir().ifPresent(dir -> ModelRecord.write(corpus.dir(), dir));
    VideoFiles.Listing listing = VideoFiles.list(paths);
    long totalKb =
        Math.max(1, listing.videos().stream().mapToLong(c -> size(c.file())).sum() >> 10);
    VideoIngester one = new VideoIngester(corpus, embedder, options);
    List<FileResult> results = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            options.threads(),
            r -> {
              Thread t = new Thread(r, "ingest");
              t.setDaemon(true);
              return t;
            });
    try (Progress progress = Progress.start("ingest", totalKb, "KB")) {
      List<Future<FileResult>> futures = new ArrayList<>();
      for (VideoFiles.Candidate c : listing.videos()) {
        futures.add(
            pool.submit(
                () -> {
                  FileResult r = safely(one, c);
                  progress.stepBy(size(c.file()) >> 10);
                  progress.extraMessage(c.videoId());
                  return r;
                }));
      }
      for (Future<FileResult> f : futures) {
        results.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ingest interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("ingest worker failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    for (Path p : listing.notVideos()) {
      results.add(FileResult.notVideo(p.toString()));
    }
    IngestReport report =
        new IngestReport(embedder.info().id(), results, (System.nanoTime() - started) / 1e9);
    try {
      report.write(corpus.dir());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + CorpusLayout.INGEST_REPORT + " into " + corpus.dir(), e);
    }
    return report;
  }

  /** The file's result; every failure, whatever its kind, becomes a failed result. */
  private static FileResult safely(VideoIngester one, VideoFiles.Candidate c) {
    long started = System.nanoTime();
    try {
      return one.ingest(c);
    } catch (Exception | LinkageError e) {
      double seconds = (System.nanoTime() - started) / 1e9;
      LOG.warn("{}: {}", c.file(), e.getMessage(), e.getMessage() == null ? e : null);
      return FileResult.failed(c.file().toString(), c.videoId(), oneLine(e), seconds);
    }
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}

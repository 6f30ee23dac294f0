package org.videoannotator.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;
import org.videoannotator.embed.ingest.FileResult;
import org.videoannotator.embed.ingest.IngestOptions;
import org.videoannotator.embed.ingest.IngestReport;
import org.videoannotator.embed.ingest.Ingester;
import org.videoannotator.embed.model.Embedder;
import org.videoannotator.embed.model.Embedders;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.server.store.AnnotationStore;

/**
 * Creates the demo corpus offline: renders the demo videos, ingests them through the same {@link
 * Ingester} that {@code va ingest} uses (no shortcut), and creates the demo labels. Every step is
 * resumable; a finished demo is marked by {@code demo.json} and reused as it is.
 *
 * <p>Layout of the demo folder: {@code videos/} (the rendered videos, captions and truths), {@code
 * corpus/} (what {@code va serve} serves), {@code demo.json}.
 */
public final class DemoCorpus {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCorpus.class);
  static final String MARKER = "demo.json";

  private DemoCorpus() {}

  public static Path videosDir(Path root) {
    return root.resolve("videos");
  }

  public static Path corpusDir(Path root) {
    return root.resolve("corpus");
  }

  /** True when {@code root} holds a finished demo. */
  public static boolean isReady(Path root) {
    return Files.isRegularFile(root.resolve(MARKER)) && Files.isDirectory(corpusDir(root));
  }

  /**
   * Makes sure {@code root} holds a finished demo built with {@code spec}; {@code modelDir} (may be
   * null) switches the embedder from {@code descriptor} to {@code concat} (CLIP + descriptor).
   * Returns the corpus folder.
   */
  public static Path ensure(Path root, DemoSpec spec, Path modelDir, int threads) {
    if (isReady(root)) {
      LOG.info("reusing the demo in {} (delete the folder to rebuild it)", root);
      return corpusDir(root);
    }
    long start = System.nanoTime();
    LOG.info(
        "creating the demo in {}: {} videos x {} shots, rendered offline",
        root,
        spec.videos(),
        spec.shotsPerVideo());
    DemoVideos.renderAll(spec, videosDir(root), root.resolve(".render-scratch"), threads);
    String embedderId = modelDir == null ? "descriptor" : "concat";
    IngestReport report;
    try (Embedder embedder = Embedders.create(embedderId, modelDir);
        Corpus corpus =
            Corpus.open(
                corpusDir(root),
                CorpusOptions.openOrCreate(embedder.info(), embedder.dimension()))) {
      IngestOptions options = new IngestOptions(IngestOptions.DEFAULT_SAMPLE_FPS, threads, null);
      report = new Ingester(corpus, embedder, options).run(List.of(videosDir(root)));
      if (report.count(FileResult.FAILED) > 0) {
        throw new UserException(
            "ingesting the demo videos failed for "
                + report.count(FileResult.FAILED)
                + " file(s); see "
                + corpus.layout().ingestReport());
      }
      createLabels(corpus.dir());
      writeMarker(root, spec, embedderId, corpus.size(), (System.nanoTime() - start) / 1e9);
    }
    LOG.info(
        "demo ready: {} shots in {} s",
        report.shots(),
        String.format("%.1f", (System.nanoTime() - start) / 1e9));
    return corpusDir(root);
  }

  private static void createLabels(Path corpusDir) {
    try (AnnotationStore store = AnnotationStore.open(CorpusLayout.of(corpusDir).annotations())) {
      for (DemoLabel label : DemoLabel.ALL) {
        if (store.label(label.name()).isEmpty()) {
          store.createLabel(label.name(), label.description(), label.keywords());
        }
      }
    }
  }

  private static void writeMarker(
      Path root, DemoSpec spec, String embedder, int shots, double seconds) {
    Map<String, Object> marker = new LinkedHashMap<>();
    marker.put("spec", spec);
    marker.put("embedder", embedder);
    marker.put("shots", shots);
    marker.put("seconds", seconds);
    marker.put("created", Instant.now().toString());
    try {
      Json.mapper()
          .writerWithDefaultPrettyPrinter()
          .writeValue(root.resolve(MARKER).toFile(), marker);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + root.resolve(MARKER), e);
    }
  }
}

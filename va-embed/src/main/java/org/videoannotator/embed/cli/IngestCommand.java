package org.videoannotator.embed.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Json;
import org.videoannotator.core.Settings;
import org.videoannotator.core.UserException;
import org.videoannotator.core.VaSubcommand;
import org.videoannotator.embed.ingest.IngestOptions;
import org.videoannotator.embed.ingest.IngestReport;
import org.videoannotator.embed.ingest.Ingester;
import org.videoannotator.embed.model.Embedder;
import org.videoannotator.embed.model.Embedders;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.cli.StoreOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code va ingest}: video files and folders into a corpus of shots, vectors and media. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Ingest video files into a corpus (shots, embeddings, thumbnails, previews).",
      "",
      "Ingest videos into a corpus: split each into shots, embed every shot,",
      "write a thumbnail and a hover preview per shot. Folders are walked;",
      "files already in the corpus (same content) are skipped, so an",
      "interrupted run resumes. Broken files are reported, never fatal to the",
      "others; the exit status is 1 when any file failed (so a re-run with only",
      "the broken files left says the same). The per-file",
      "report is also written to C/" + CorpusLayout.INGEST_REPORT + "."
    })
public final class IngestCommand implements VaSubcommand, Callable<Integer> {
  @CommandLine.Mixin StoreOptions store = new StoreOptions();
  @CommandLine.Mixin EmbedderOptions embedding = new EmbedderOptions();

  private static final Logger LOG = LoggerFactory.getLogger(IngestCommand.class);

  @Parameters(
      arity = "1..*",
      paramLabel = "PATHS",
      description = "Video files or folders of videos.")
  List<Path> paths;

  @Option(
      names = "--corpus",
      required = true,
      paramLabel = "C",
      description = "Corpus folder (created if absent).")
  Path corpus;

  @Option(
      names = "--threads",
      defaultValue = "2",
      paramLabel = "N",
      description = "Videos processed at once (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--json", description = "Print the report as JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new UserException(p + " does not exist; name video files or folders of videos");
      }
    }
    if (threads < 1) {
      throw new UserException("--threads must be >= 1, got " + threads);
    }
    double sampleFps = embedding.sampleFps();
    String id = embedding.embedderId(corpus);
    Path modelDir = embedding.modelDir(corpus, id);
    Settings.log(
        LOG,
        "va ingest",
        "paths",
        paths,
        "corpus",
        corpus,
        "embedder",
        id,
        "model",
        modelDir,
        "sampleFps",
        sampleFps,
        "threads",
        threads);
    IngestOptions options = new IngestOptions(sampleFps, threads, null);
    IngestReport report;
    try (Embedder e = Embedders.create(id, modelDir);
        Corpus c =
            Corpus.open(
                corpus,
                CorpusOptions.openOrCreate(e.info(), e.dimension()).withStore(store.spec()))) {
      report = new Ingester(c, e, options).run(paths);
    }
    System.out.print(
        json
            ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n"
            : report.table());
    return report.exitStatus();
  }
}

package org.videoannotator.spark.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;
import org.videoannotator.embed.cli.EmbedderOptions;
import org.videoannotator.embed.ingest.IngestReport;
import org.videoannotator.embed.model.Embedder;
import org.videoannotator.embed.model.Embedders;
import org.videoannotator.embed.model.ModelRecord;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.cli.StoreOptions;
import org.videoannotator.spark.SparkSessions;
import org.videoannotator.spark.ingest.SparkIngest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code va spark ingest}: {@code va ingest} with one Spark task per video. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Ingest videos into a corpus with Spark (va ingest, spread over a cluster).",
      "",
      "One task per video runs the same decode, shot, embed and media code as 'va ingest'; the "
          + "driver commits each video atomically. Inputs are local paths, folders, or URIs and "
          + "globs on any Hadoop filesystem. A killed job resumes: committed videos are skipped, "
          + "staged ones committed without recomputing. Exit status 1 when any file failed."
    })
public final class IngestCommand implements Callable<Integer> {
  @CommandLine.Mixin MasterOption master = new MasterOption();
  @CommandLine.Mixin StoreOptions store = new StoreOptions();
  @CommandLine.Mixin EmbedderOptions embedding = new EmbedderOptions();

  @Parameters(
      arity = "1..*",
      paramLabel = "PATHS",
      description = "Video files, folders, URIs or globs.")
  List<String> paths;

  @Option(
      names = "--corpus",
      required = true,
      paramLabel = "C",
      description = "Corpus folder on the driver (created if absent).")
  Path corpus;

  @Option(
      names = "--decode-threads",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "FFmpeg threads per video in a task (default: ${DEFAULT-VALUE}; tasks already run side by side).")
  int decodeThreads;

  @Option(
      names = "--staging",
      paramLabel = "URI",
      description =
          "Staging folder that driver and executors share (default: C/spark-staging, right for local masters).")
  String staging;

  @Option(names = "--json", description = "Print the report as JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (decodeThreads < 1) {
      throw new UserException("--decode-threads must be >= 1, got " + decodeThreads);
    }
    double sampleFps = embedding.sampleFps();
    String id = embedding.embedderId(corpus);
    Path modelDir = embedding.modelDir(corpus, id);
    IngestReport report;
    // The driver's embedder only names the corpus's vectors (and checks the model loads) before any
    // task runs.
    try (Embedder e = Embedders.create(id, modelDir);
        Corpus c =
            Corpus.open(
                corpus,
                CorpusOptions.openOrCreate(e.info(), e.dimension()).withStore(store.spec()));
        SparkSession spark = SparkSessions.start("ingest", master.master)) {
      c.requireCompatible(e.info(), e.dimension());
      e.modelDir().ifPresent(dir -> ModelRecord.write(c.dir(), dir));
      SparkIngest.Options options =
          new SparkIngest.Options(
              id,
              modelDir == null ? null : modelDir.toAbsolutePath().toString(),
              sampleFps,
              decodeThreads,
              staging);
      report = new SparkIngest(spark, c, options).run(paths);
    }
    System.out.print(
        json
            ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n"
            : report.table());
    return report.exitStatus();
  }
}

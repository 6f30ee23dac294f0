package org.videoannotator.spark.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;
import org.videoannotator.embed.ingest.IngestReport;
import org.videoannotator.embed.model.Embedder;
import org.videoannotator.embed.model.Embedders;
import org.videoannotator.embed.model.ModelRecord;
import org.videoannotator.embed.model.descriptor.DescriptorEmbedder;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.IndexSettings;
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

  @Parameters(arity = "1..*", paramLabel = "PATHS", description = "Video files, folders, URIs or globs.")
  List<String> paths;

  @Option(names = "--corpus", required = true, paramLabel = "C",
      description = "Corpus folder on the driver (created if absent).")
  Path corpus;

  @Option(names = "--embedder", paramLabel = "ID",
      description = "descriptor, clip or concat (default: the corpus's embedder, else descriptor).")
  String embedder;

  @Option(names = "--model", paramLabel = "DIR",
      description = "CLIP model folder, at the same path on every executor (default: the one the corpus records).")
  Path model;

  @Option(names = "--sample-fps", defaultValue = "2", paramLabel = "F",
      description = "Frames sampled per second of video (default: ${DEFAULT-VALUE}).")
  double sampleFps;

  @Option(names = "--decode-threads", defaultValue = "1", paramLabel = "N",
      description = "FFmpeg threads per video in a task (default: ${DEFAULT-VALUE}; tasks already run side by side).")
  int decodeThreads;

  @Option(names = "--staging", paramLabel = "URI",
      description = "Staging folder that driver and executors share (default: C/spark-staging, right for local masters).")
  String staging;

  @Option(names = "--json", description = "Print the report as JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (!(sampleFps > 0 && sampleFps <= 60) || decodeThreads < 1) {
      throw new UserException("--sample-fps must be in (0, 60] and --decode-threads >= 1, got "
          + sampleFps + " and " + decodeThreads);
    }
    String id = embedder != null ? embedder : Embedders.ofCorpus(corpus).orElse(DescriptorEmbedder.ID);
    Path modelDir = model != null || !Embedders.needsModel(id) ? model : ModelRecord.read(corpus).orElse(null);
    IngestReport report;
    // The driver's embedder only names the corpus's vectors (and checks the model loads) before any task runs.
    try (Embedder e = Embedders.create(id, modelDir);
        Corpus c = Corpus.openOrCreate(corpus, e.info(), e.dimension(), IndexSettings.defaults(), store.spec());
        SparkSession spark = SparkSessions.start("ingest", master.master)) {
      c.requireCompatible(e.info(), e.dimension());
      e.modelDir().ifPresent(dir -> ModelRecord.write(c.dir(), dir));
      SparkIngest.Options options = new SparkIngest.Options(id,
          modelDir == null ? null : modelDir.toAbsolutePath().toString(), sampleFps, decodeThreads, staging);
      report = new SparkIngest(spark, c, options).run(paths);
    }
    System.out.print(json
        ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n"
        : report.table());
    return report.exitStatus();
  }
}

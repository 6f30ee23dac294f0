package org.videoannotator.bench.learn;

import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.bench.BenchOptions;
import org.videoannotator.core.BenchSubcommand;
import org.videoannotator.core.Progress;
import org.videoannotator.core.Settings;
import org.videoannotator.core.UserException;
import org.videoannotator.learn.ParallelRows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code va bench learn}: the server's build loop (train, score, feeds) on a synthetic corpus. */
@Command(
    name = "learn",
    mixinStandardHelpOptions = true,
    description = {
      "Time the server's build loop (train, score, feeds) on a synthetic corpus.",
      "Generates a seeded clustered n x d matrix in memory and times: streaming it once (sum of all",
      "floats, the memory baseline), CV-training the logistic regression on the labelled rows,",
      "scoring every row, a top-k selection and the four feeds. Prints a table with the",
      "scoring/streaming ratio and the build time; writes the figures as JSON (--out)."
    })
public final class BenchLearnCommand implements BenchSubcommand, Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(BenchLearnCommand.class);

  @Option(
      names = "--rows",
      defaultValue = "500000",
      description = "Corpus rows (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(
      names = "--dim",
      defaultValue = "512",
      description = "Dimension (default: ${DEFAULT-VALUE}).")
  int dim;

  @Option(
      names = "--labelled",
      defaultValue = "1000",
      description = "Labelled rows to train on (default: ${DEFAULT-VALUE}).")
  int labelled;

  @Option(
      names = "--clusters",
      defaultValue = "10",
      description = "Cluster centres (default: ${DEFAULT-VALUE}).")
  int clusters;

  @Option(
      names = "--feed-size",
      defaultValue = "100",
      description = "Rows per feed and k of top-k (default: ${DEFAULT-VALUE}).")
  int feedSize;

  @Option(
      names = "--repeats",
      defaultValue = "5",
      description = "Repeats per step; best and median reported (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--threads", description = "Threads (default: all processors).")
  Integer threads;

  @Mixin BenchOptions options;

  @Override
  public Integer call() {
    int t = threads == null ? ParallelRows.defaultThreads() : threads;
    Settings.log(
        LOG,
        "bench learn",
        "rows",
        rows,
        "dim",
        dim,
        "labelled",
        labelled,
        "clusters",
        clusters,
        "feedSize",
        feedSize,
        "repeats",
        repeats,
        "threads",
        t,
        "seed",
        options.seed(),
        "out",
        options.out());
    long need = (long) rows * dim * Float.BYTES;
    if (need > Runtime.getRuntime().maxMemory() * 0.8) {
      throw new UserException(
          "--rows "
              + rows
              + " x --dim "
              + dim
              + " needs "
              + (need >> 20)
              + " MB of heap but the JVM has "
              + (Runtime.getRuntime().maxMemory() >> 20)
              + " MB; lower --rows or raise -Xmx");
    }
    LearnBenchmark.Config config;
    try {
      config =
          new LearnBenchmark.Config(
              rows, dim, labelled, clusters, feedSize, repeats, t, options.seed());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage() + "; need rows >= labelled >= 10 and positive sizes");
    }
    LearnBenchmark.Report report;
    try (Progress progress = Progress.start("bench learn", 6, "steps")) {
      report =
          LearnBenchmark.run(
              config,
              step -> {
                progress.extraMessage(step);
                progress.step();
              });
    }
    System.out.print(LearnBenchmark.table(report));
    options.writeFigures(report);
    return 0;
  }
}

package org.videoannotator.spark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.videoannotator.core.UserException;
import org.videoannotator.learn.LinearModel;
import org.videoannotator.spark.SparkSessions;
import org.videoannotator.spark.score.RankedClip;
import org.videoannotator.spark.score.ScoreJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code va spark score}: a saved label model over a Parquet table of vectors. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Score a Parquet table of vectors with a saved label model.",
      "",
      "Scores every row with the model (the server's C/models/LABEL/vN.json). Writes OUT/scores (Parquet: key, score) and OUT/feeds.json: top positive, top negative, borderline and random, no clip in two."
    })
public final class ScoreCommand implements Callable<Integer> {
  @CommandLine.Mixin MasterOption master = new MasterOption();

  @Parameters(
      index = "0",
      paramLabel = "TABLE",
      description =
          "Folder or URI of the table (key, vector); binary vectors score fastest (see va spark convert).")
  String table;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "A saved model version (vN.json).")
  Path model;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "OUT",
      description = "Output folder or URI.")
  String out;

  @Option(
      names = "--threshold",
      defaultValue = "0.5",
      paramLabel = "T",
      description =
          "The model's decision threshold, centre of the borderline feed (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--feed-size",
      defaultValue = "100",
      paramLabel = "K",
      description = "Clips per feed (default: ${DEFAULT-VALUE}).")
  int feedSize;

  @Option(
      names = "--seed",
      defaultValue = "0",
      paramLabel = "S",
      description = "Seed of the random feed (default: ${DEFAULT-VALUE}).")
  int seed;

  @Override
  public Integer call() throws Exception {
    if (!(threshold > 0 && threshold < 1) || feedSize < 1) {
      throw new UserException(
          "--threshold must be in (0, 1) and --feed-size >= 1, got "
              + threshold
              + " and "
              + feedSize);
    }
    LinearModel m = LinearModel.load(model);
    try (SparkSession spark = SparkSessions.start("score", master.master)) {
      ScoreJob.Summary summary =
          ScoreJob.run(spark, table, m, out, new ScoreJob.Options(threshold, feedSize, seed));
      System.out.printf(
          "scored %d clips in %.1f s; scores in %s/%s, feeds in %s/%s%n",
          summary.rows(), summary.seconds(), out, ScoreJob.SCORES, out, ScoreJob.FEEDS);
      summary
          .feeds()
          .forEach(
              (id, clips) ->
                  System.out.printf(
                      "  %-13s %s%n",
                      id,
                      clips.stream().limit(3).map(RankedClip::key).toList()
                          + (clips.size() > 3 ? " ..." : "")));
    }
    return 0;
  }
}

package org.videoannotator.spark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.index.Corpus;
import org.videoannotator.learn.CorpusScorer;
import org.videoannotator.learn.Feeds;
import org.videoannotator.learn.LinearModel;
import org.videoannotator.learn.Selections;
import org.videoannotator.learn.feeds.FeedInput;
import org.videoannotator.spark.SparkTestSession;
import org.videoannotator.spark.parquet.CorpusParquet;
import org.videoannotator.spark.parquet.VectorColumn;
import org.videoannotator.spark.parquet.VectorTableConversion;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * A saved model over a real corpus exported to Parquet, scored by real Spark: every score equals
 * the one the annotation server's build computes (same scorer), and the feeds are the server's.
 */
@Tag("spark")
class ScoreJobTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(VectorColumn.class)
  void scoresAreTheServersAndFeedsAreTheServersFeeds(VectorColumn column) throws IOException {
    SparkSession spark = SparkTestSession.get();
    String table = dir.resolve("table").toString();
    Path modelFile = dir.resolve("models/beach/v3.json");
    float[] expected;
    List<String> keys;
    Feeds.FeedSet server;
    try (Corpus corpus = SyntheticCorpora.create(dir.resolve("corpus"), 5000, 64, 11)) {
      CorpusParquet.export(spark, corpus, table, column);
      randomModel(64).save(modelFile);
      KeyedMatrix vectors = corpus.vectors();
      // What va-server's BuildJob does with a model version.
      expected = new CorpusScorer().probabilities(vectors.matrix(), LinearModel.load(modelFile));
      keys = corpus.keys();
      server = Feeds.build(new FeedInput(expected, vectors.matrix(), 0.5, 3), Selections.NONE, 40);
    }
    String out = dir.resolve("out").toString();
    ScoreJob.Summary summary =
        ScoreJob.run(
            spark, table, LinearModel.load(modelFile), out, new ScoreJob.Options(0.5, 40, 3));
    assertEquals(5000, summary.rows());

    Map<String, Float> scores = new HashMap<>();
    for (Row row : spark.read().parquet(out + "/" + ScoreJob.SCORES).collectAsList()) {
      scores.put(row.getString(0), row.getFloat(1));
    }
    assertEquals(5000, scores.size());
    for (int r = 0; r < keys.size(); r++) {
      assertEquals(expected[r], scores.get(keys.get(r)), 0f, keys.get(r));
    }

    JsonNode written = Json.mapper().readTree(dir.resolve("out").resolve(ScoreJob.FEEDS).toFile());
    assertEquals(5000, written.get("rows").asLong());
    for (String feed : List.of("top-positive", "top-negative", "borderline")) {
      List<String> serverKeys =
          java.util.Arrays.stream(server.get(feed).rows()).mapToObj(keys::get).toList();
      assertEquals(
          serverKeys, summary.feeds().get(feed).stream().map(RankedClip::key).toList(), feed);
      assertEquals(40, written.get("feeds").get(feed).size());
    }
    List<String> random = summary.feeds().get("random").stream().map(RankedClip::key).toList();
    assertEquals(40, random.size());
    assertTrue(
        random.stream()
            .noneMatch(
                k -> summary.feeds().get("borderline").stream().anyMatch(c -> c.key().equals(k))),
        "no clip in two feeds");

    ScoreJob.Summary again =
        ScoreJob.run(
            spark,
            table,
            LinearModel.load(modelFile),
            dir.resolve("again").toString(),
            new ScoreJob.Options(0.5, 40, 3));
    assertEquals(summary.feeds(), again.feeds(), "a seeded run is reproducible");
  }

  @Test
  void aConvertedForeignTableScoresAsTheServerDoesAndAWrongDimensionIsNamed() throws IOException {
    SparkSession spark = SparkTestSession.get();
    String foreign = dir.resolve("foreign").toString();
    String binary = dir.resolve("binary").toString();
    Path modelFile = dir.resolve("v1.json");
    float[] expected;
    List<String> keys;
    try (Corpus corpus = SyntheticCorpora.create(dir.resolve("corpus"), 3000, 32, 5)) {
      CorpusParquet.export(spark, corpus, foreign, VectorColumn.ARRAY);
      randomModel(32).save(modelFile);
      expected =
          new CorpusScorer().probabilities(corpus.vectors().matrix(), LinearModel.load(modelFile));
      keys = corpus.keys();
    }
    assertEquals(3000, VectorTableConversion.convert(spark, foreign, binary, VectorColumn.BINARY));
    assertEquals(VectorColumn.BINARY, VectorColumn.of(spark.read().parquet(binary).schema()));
    ScoreJob.run(
        spark,
        binary,
        LinearModel.load(modelFile),
        dir.resolve("out").toString(),
        new ScoreJob.Options(0.5, 20, 0));
    Map<String, Float> scores = new HashMap<>();
    for (Row row :
        spark
            .read()
            .parquet(dir.resolve("out").resolve(ScoreJob.SCORES).toString())
            .collectAsList()) {
      scores.put(row.getString(0), row.getFloat(1));
    }
    for (int r = 0; r < keys.size(); r++) {
      assertEquals(expected[r], scores.get(keys.get(r)), 0f, keys.get(r));
    }

    UserException wrongDim =
        assertThrows(
            UserException.class,
            () ->
                rootCause(
                    () ->
                        ScoreJob.run(
                            spark,
                            binary,
                            randomModel(16),
                            dir.resolve("wrong").toString(),
                            new ScoreJob.Options(0.5, 20, 0))));
    assertTrue(
        wrongDim.getMessage().contains("dimension 32 but the model has dimension 16"),
        wrongDim.getMessage());
  }

  /**
   * Binary tables written by other tools' settings take the page reader's other paths: compressed
   * pages (parquet-mr decompresses them), a dictionary (parquet-mr's column reader), version 2 data
   * pages, and a nullable vector column (definition levels). Every score is still the server's.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "compression=snappy,parquet.enable.dictionary=false",
        "compression=snappy,parquet.enable.dictionary=true",
        "compression=uncompressed,parquet.enable.dictionary=false,parquet.writer.version=v2",
        "compression=gzip,parquet.enable.dictionary=false,parquet.writer.version=v2"
      })
  void aBinaryTableWrittenWithOtherSettingsScoresAsTheServerDoes(String settings)
      throws IOException {
    SparkSession spark = SparkTestSession.get();
    String exported = dir.resolve("exported").toString();
    String table = dir.resolve("table").toString();
    Path modelFile = dir.resolve("v2.json");
    float[] expected;
    List<String> keys;
    try (Corpus corpus = SyntheticCorpora.create(dir.resolve("corpus"), 2000, 32, 9)) {
      CorpusParquet.export(spark, corpus, exported, VectorColumn.BINARY);
      randomModel(32).save(modelFile);
      expected =
          new CorpusScorer().probabilities(corpus.vectors().matrix(), LinearModel.load(modelFile));
      keys = corpus.keys();
    }
    Map<String, String> options = new HashMap<>();
    for (String option : settings.split(",")) {
      String[] pair = option.split("=");
      options.put(pair[0], pair[1]);
    }
    // Read back, Spark's columns are nullable: the rewritten vector column is optional.
    spark.read().parquet(exported).repartition(3).write().options(options).parquet(table);
    String out = dir.resolve("out").toString();
    ScoreJob.Summary summary =
        ScoreJob.run(
            spark, table, LinearModel.load(modelFile), out, new ScoreJob.Options(0.5, 20, 0));
    assertEquals(2000, summary.rows());
    Map<String, Float> scores = new HashMap<>();
    for (Row row : spark.read().parquet(out + "/" + ScoreJob.SCORES).collectAsList()) {
      scores.put(row.getString(0), row.getFloat(1));
    }
    assertEquals(2000, scores.size());
    for (int r = 0; r < keys.size(); r++) {
      assertEquals(expected[r], scores.get(keys.get(r)), 0f, keys.get(r));
    }
  }

  /**
   * Runs {@code job}, rethrowing the innermost cause of a failure (Spark wraps a task's exception).
   */
  private static void rootCause(Runnable job) {
    try {
      job.run();
    } catch (Exception e) { // SparkException is checked, but Scala throws it from anywhere
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  private static LinearModel randomModel(int dim) {
    SplittableRandom random = new SplittableRandom(5);
    float[] w = new float[dim];
    for (int i = 0; i < dim; i++) {
      w[i] = (float) (random.nextGaussian() * 3);
    }
    return new LinearModel(
        w,
        -0.25,
        1,
        new double[] {1},
        new double[][] {{0.5}},
        0.5,
        0,
        10,
        10,
        "f",
        "2026-12-04T00:00:00Z");
  }
}

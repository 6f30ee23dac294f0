package org.videoannotator.spark.score;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.videoannotator.core.vectors.DotProducts;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.learn.CorpusScorer;
import org.videoannotator.learn.LinearModel;
import org.videoannotator.spark.HadoopConf;
import org.videoannotator.spark.HadoopJson;
import org.videoannotator.spark.parquet.ClipTable;
import org.videoannotator.spark.parquet.VectorColumn;

/**
 * {@code va spark score}: a saved label model applied to a Parquet table of vectors, writing {@code
 * OUT/scores} (Parquet: key, score) and {@code OUT/feeds.json} (the four feeds' lists). Rows are
 * scored in blocks by the server's own {@link CorpusScorer}, so a clip gets the very score the
 * annotation server gives it for the same model.
 */
public final class ScoreJob {
  public static final String SCORES = "scores";
  public static final String FEEDS = "feeds.json";

  /**
   * Bytes of vectors scored per block: small enough to stay in a core's cache between the copy and
   * the dot products, and far below the garbage collector's humongous-object size.
   */
  private static final int BLOCK_BYTES = 256 * 1024;

  /**
   * What to run.
   *
   * @param threshold the model's decision threshold (the borderline feed centres on it)
   * @param feedSize clips per feed
   * @param seed seed of the random feed
   */
  public record Options(double threshold, int feedSize, int seed) implements Serializable {}

  /**
   * What executors need of a model: its weights and bias (the model record is not serializable).
   */
  private record Weights(float[] weights, double bias) implements Serializable {
    LinearModel model() {
      return new LinearModel(weights, bias, 0, null, null, 0, 0, 0, 0, null, null);
    }
  }

  /** What the job did. */
  public record Summary(long rows, Map<String, List<RankedClip>> feeds, double seconds) {}

  private ScoreJob() {}

  public static Summary run(
      SparkSession spark, String table, LinearModel model, String out, Options options) {
    long started = System.nanoTime();
    // The schema from one footer read here, not by the Spark job Spark's inference runs.
    StructType schema = FooterSchema.read(spark, table);
    Dataset<Row> data =
        schema != null ? spark.read().schema(schema).parquet(table) : spark.read().parquet(table);
    boolean binary = ClipTable.Columns.of(data.schema()).vectors() == VectorColumn.BINARY;
    var jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Weights> shared = jsc.broadcast(new Weights(model.weights(), model.bias()));
    FeedRanks empty = new FeedRanks(4 * options.feedSize(), options.threshold(), options.seed());
    String scores = new Path(out, SCORES).toString();
    ScoresTable.clear(spark, scores);
    // Each task writes its part of the scores and returns its feed candidates: Spark takes one
    // result per partition (a failed or speculative second attempt adds nothing), so the vectors
    // are read once and no score is kept.
    Dataset<Row> selected = data.select(ClipTable.KEY, ClipTable.VECTOR);
    List<List<ParquetSlice>> planned = binary ? ParquetSlice.partitions(selected) : null;
    List<List<ParquetSlice>> slices =
        planned == null ? null : ParquetSlice.packed(planned, jsc.defaultParallelism());
    JavaRDD<FeedRanks> parts;
    if (slices != null) {
      // A binary column of Parquet files: read from its pages in the partitions Spark planned,
      // packed into larger ones.
      parts =
          jsc.parallelize(slices, Math.max(1, slices.size()))
              .mapPartitionsWithIndex(
                  (partition, part) ->
                      List.of(
                              new ParquetSliceScorer(
                                      HadoopConf.current(),
                                      shared.value().model(),
                                      scores,
                                      partition,
                                      TaskContext.get().taskAttemptId())
                                  .run(part.next(), empty))
                          .iterator(),
                  false);
    } else {
      // Anything else is read by Spark: rows, the vector copied out of Spark's columnar buffer
      // without boxing a float.
      parts =
          selected
              .queryExecution()
              .toRdd()
              .toJavaRDD()
              .mapPartitionsWithIndex(
                  (partition, rows) ->
                      List.of(
                              scoreAndWrite(
                                  partition,
                                  VectorCursor.ofRows(rows, binary),
                                  shared.value().model(),
                                  empty,
                                  scores))
                          .iterator(),
                  false);
    }
    FeedRanks ranks = parts.collect().stream().reduce(empty.fresh(), FeedRanks::merge);
    ScoresTable.commit(spark, scores);
    Map<String, List<RankedClip>> feeds = new LinkedHashMap<>();
    List<List<RankedClip>> lists = ranks.feeds(options.feedSize());
    for (int f = 0; f < FeedRanks.FEEDS.size(); f++) {
      feeds.put(FeedRanks.FEEDS.get(f), lists.get(f));
    }
    Summary summary = new Summary(ranks.rows(), feeds, (System.nanoTime() - started) / 1e9);
    writeFeeds(spark, out, model, options, summary);
    return summary;
  }

  /**
   * A partition of Spark's rows scored in blocks and written to its part of the scores table;
   * returns its feed candidates.
   */
  private static FeedRanks scoreAndWrite(
      int partition, VectorCursor rows, LinearModel model, FeedRanks empty, String scores)
      throws IOException {
    FeedRanks local = empty.fresh();
    CorpusScorer scorer = new CorpusScorer(DotProducts.best(), 1);
    int dim = model.dim();
    int blockRows = blockRows(dim);
    float[] block = new float[blockRows * dim];
    UTF8String[] keys = new UTF8String[blockRows];
    TaskContext task = TaskContext.get();
    try (ScoresFile out =
        new ScoresFile(scores, partition, task.taskAttemptId(), HadoopConf.current())) {
      int filled;
      do {
        filled = 0;
        while (filled < blockRows && rows.next()) {
          keys[filled] = rows.ownKey();
          rows.copyVector(block, filled * dim, dim);
          filled++;
        }
        float[] values = filled == blockRows ? block : Arrays.copyOf(block, filled * dim);
        float[] probabilities =
            scorer.probabilities(FloatMatrix.ofHeap(values, filled, dim), model);
        for (int r = 0; r < filled; r++) {
          out.write(keys[r], probabilities[r]);
          local.add(keys[r], probabilities[r]);
        }
      } while (filled == blockRows);
    }
    return local;
  }

  /** Rows of {@code dim} floats per block of {@link #BLOCK_BYTES} (at least 16). */
  static int blockRows(int dim) {
    return Math.max(16, BLOCK_BYTES / (dim * Float.BYTES));
  }

  private static void writeFeeds(
      SparkSession spark, String out, LinearModel model, Options options, Summary summary) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("rows", summary.rows());
    doc.put("threshold", options.threshold());
    doc.put("seed", options.seed());
    doc.put(
        "model",
        Map.of(
            "fingerprint",
            String.valueOf(model.fingerprint()),
            "created",
            String.valueOf(model.created())));
    Map<String, Object> feeds = new LinkedHashMap<>();
    summary
        .feeds()
        .forEach(
            (id, clips) -> {
              List<Map<String, Object>> list = new ArrayList<>();
              for (RankedClip c : clips) {
                list.add(Map.of("key", c.key(), "score", c.score()));
              }
              feeds.put(id, list);
            });
    doc.put("feeds", feeds);
    HadoopJson.write(spark, out, FEEDS, doc);
  }
}

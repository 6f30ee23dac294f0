package org.videoannotator.spark.score;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.SpecificInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.TaskCompletionListener;
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

  static final StructType SCHEMA =
      new StructType()
          .add(ClipTable.KEY, DataTypes.StringType, false)
          .add("score", DataTypes.FloatType, false);

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
    Dataset<Row> data = spark.read().parquet(table);
    boolean binary = ClipTable.Columns.of(data.schema()).vectors() == VectorColumn.BINARY;
    var jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Weights> shared = jsc.broadcast(new Weights(model.weights(), model.bias()));
    FeedRanksAccumulator ranks =
        new FeedRanksAccumulator(4 * options.feedSize(), options.threshold(), options.seed());
    spark.sparkContext().register(ranks, "feed candidates");
    JavaRDD<InternalRow> scored =
        scan(jsc, data.select(ClipTable.KEY, ClipTable.VECTOR), binary)
            .mapPartitions(part -> score(part, shared.value().model(), ranks));
    // Spark's own rows go to the writer as they are (a Row would be converted back, key and all);
    // va spark jobs always run in a classic session (never Spark Connect).
    // Two SparkSession types: lint allows qualified names for the next 2 lines.
    Dataset<Row> frame =
        ((org.apache.spark.sql.classic.SparkSession) spark)
            .internalCreateDataFrame(scored.rdd(), SCHEMA, false);
    // Keys and scores are all distinct: a dictionary would only cost the writer time.
    frame
        .write()
        .mode(SaveMode.Overwrite)
        .option("parquet.enable.dictionary", "false")
        .parquet(new Path(out, SCORES).toString());
    Map<String, List<RankedClip>> feeds = new LinkedHashMap<>();
    List<List<RankedClip>> lists = ranks.value().feeds(options.feedSize());
    for (int f = 0; f < FeedRanks.FEEDS.size(); f++) {
      feeds.put(FeedRanks.FEEDS.get(f), lists.get(f));
    }
    Summary summary = new Summary(ranks.value().rows(), feeds, (System.nanoTime() - started) / 1e9);
    writeFeeds(spark, out, model, options, summary);
    return summary;
  }

  /**
   * The partitions of the selected columns as cursors. A binary vector column of a Parquet file
   * scan is read by parquet-mr's page reader in Spark's planned partitions ({@link
   * ParquetVectorCursor}); anything else is read by Spark: rows, the vector copied out of Spark's
   * columnar buffer without boxing a float.
   */
  private static JavaRDD<VectorCursor> scan(
      JavaSparkContext jsc, Dataset<Row> selected, boolean binary) {
    List<List<ParquetSlice>> slices = binary ? ParquetSlice.partitions(selected) : null;
    if (slices != null) {
      return jsc.parallelize(slices, Math.max(1, slices.size()))
          .map(
              part -> {
                ParquetVectorCursor cursor = new ParquetVectorCursor(part, HadoopConf.current());
                TaskContext.get()
                    .addTaskCompletionListener((TaskCompletionListener) task -> cursor.close());
                return (VectorCursor) cursor;
              });
    }
    return selected
        .queryExecution()
        .toRdd()
        .toJavaRDD()
        .mapPartitions(rows -> List.of(VectorCursor.ofRows(rows, binary)).iterator());
  }

  /** The partition's rows scored in blocks; its feed candidates go to {@code ranks} at its end. */
  private static Iterator<InternalRow> score(
      Iterator<VectorCursor> partition, LinearModel model, FeedRanksAccumulator ranks) {
    VectorCursor rows = partition.next();
    FeedRanks local = ranks.empty();
    CorpusScorer scorer = new CorpusScorer(DotProducts.best(), 1);
    int dim = model.dim();
    int blockRows = Math.max(16, BLOCK_BYTES / (dim * Float.BYTES));
    return new Iterator<>() {
      private final float[] block = new float[blockRows * dim];
      private final UTF8String[] keys = new UTF8String[blockRows];
      // One row object for the writer, which consumes each row before asking for the next (as it
      // does for Spark's own reused rows); a float field, so no score is boxed.
      private final SpecificInternalRow row = new SpecificInternalRow(SCHEMA);
      private float[] scores = new float[0];
      private int next;
      private int filled;
      private boolean reported;

      @Override
      public boolean hasNext() {
        if (next < filled) {
          return true;
        }
        filled = 0;
        next = 0;
        while (filled < blockRows && rows.next()) {
          keys[filled] = rows.ownKey();
          rows.copyVector(block, filled * dim, dim);
          filled++;
        }
        if (filled > 0) {
          float[] values = filled == blockRows ? block : Arrays.copyOf(block, filled * dim);
          scores = scorer.probabilities(FloatMatrix.ofHeap(values, filled, dim), model);
          for (int r = 0; r < filled; r++) {
            local.add(keys[r], scores[r]);
          }
        } else if (!reported) {
          ranks.add(local);
          reported = true;
        }
        return filled > 0;
      }

      @Override
      public InternalRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        row.update(0, keys[next]);
        row.setFloat(1, scores[next]);
        next++;
        return row;
      }
    };
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

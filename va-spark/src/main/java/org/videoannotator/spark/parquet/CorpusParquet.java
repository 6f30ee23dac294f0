package org.videoannotator.spark.parquet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.index.AppendResult;
import org.videoannotator.index.ClipVector;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.spark.HadoopJson;

/**
 * A corpus as a Parquet table ({@link ClipTable}) and back. Export streams the corpus in chunks
 * from the driver (the corpus lives with the driver) and records what the vectors are in {@code
 * _va_corpus.json} beside the data files (Spark and other readers skip names starting with {@code
 * _}). Import appends a table's rows in {@code row} order when it has that column, skipping keys
 * the corpus already holds, so an interrupted import can simply be run again.
 */
public final class CorpusParquet {
  /** What the vectors of an exported table are. */
  public static final String DESCRIPTION = "_va_corpus.json";

  private static final Logger LOG = LoggerFactory.getLogger(CorpusParquet.class);
  private static final int CHUNK_ROWS = 50_000;
  private static final int IMPORT_BATCH = 10_000;

  /** The embedder and dimension of an exported table. */
  public record Description(EmbedderInfo embedder, int dim, long rows) {}

  private CorpusParquet() {}

  /**
   * Writes every clip of {@code corpus} to the Parquet table at {@code table} (replacing it), its
   * vectors as {@code vectorColumn}.
   */
  public static long export(
      SparkSession spark, Corpus corpus, String table, VectorColumn vectorColumn) {
    int size = corpus.size();
    FloatMatrix vectors = corpus.vectors().matrix();
    for (int start = 0; start < Math.max(size, 1); start += CHUNK_ROWS) {
      int stop = Math.min(size, start + CHUNK_ROWS);
      List<Row> rows = new ArrayList<>(stop - start);
      for (int r = start; r < stop; r++) {
        rows.add(ClipTable.row(r, corpus.clipAt(r), vectors.row(r), vectorColumn));
      }
      Dataset<Row> chunk = spark.createDataFrame(rows, ClipTable.schema(vectorColumn)).coalesce(1);
      chunk
          .write()
          .mode(start == 0 ? SaveMode.Overwrite : SaveMode.Append)
          .options(vectorColumn.writeOptions())
          .parquet(table);
      LOG.info("exported rows {}..{} of {}", start, stop, size);
    }
    writeDescription(spark, table, new Description(corpus.embedder(), corpus.dimension(), size));
    return size;
  }

  /**
   * Appends the rows of the Parquet table at {@code table} to the corpus at {@code dir} (created
   * when absent, with the table's description or {@code embedder}).
   *
   * @param embedder what the vectors are when the table has no description (else null)
   */
  public static AppendResult importInto(
      SparkSession spark, String table, Path dir, EmbedderInfo embedder, StoreSpec store) {
    Dataset<Row> data = spark.read().parquet(table);
    ClipTable.Columns columns = ClipTable.Columns.of(data.schema());
    if (columns.has(ClipTable.ROW)) {
      data = data.orderBy(ClipTable.ROW);
    }
    Description description = readDescription(spark, table);
    EmbedderInfo info = description != null ? description.embedder() : embedder;
    if (info == null) {
      throw new UserException(
          table
              + " has no "
              + DESCRIPTION
              + " (it was not written by va spark"
              + " to-parquet): say what its vectors are with --embedder ID");
    }
    int added = 0;
    List<String> skipped = new ArrayList<>();
    Iterator<Row> rows = data.toLocalIterator();
    Corpus corpus = null;
    try {
      List<ClipVector> batch = new ArrayList<>(IMPORT_BATCH);
      while (rows.hasNext()) {
        Row row = rows.next();
        ClipVector cv = new ClipVector(ClipTable.clip(row, columns), ClipTable.vector(row));
        if (corpus == null) {
          int dim = description != null ? description.dim() : cv.vector().length;
          corpus = Corpus.open(dir, CorpusOptions.openOrCreate(info, dim).withStore(store));
        }
        batch.add(cv);
        if (batch.size() == IMPORT_BATCH || !rows.hasNext()) {
          AppendResult result = corpus.appendOrSkip(batch);
          added += result.appended();
          skipped.addAll(result.skipped());
          batch.clear();
        }
      }
    } finally {
      if (corpus != null) {
        corpus.close();
      }
    }
    if (added == 0 && skipped.isEmpty()) {
      throw new UserException(table + " holds no rows");
    }
    return new AppendResult(added, skipped);
  }

  static void writeDescription(SparkSession spark, String table, Description description) {
    HadoopJson.write(spark, table, DESCRIPTION, description);
  }

  /** The table's description, or null when it has none. */
  public static Description readDescription(SparkSession spark, String table) {
    return HadoopJson.read(spark, table, DESCRIPTION, Description.class);
  }
}

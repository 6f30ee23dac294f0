package org.videoannotator.spark.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videoannotator.core.UserException;
import org.videoannotator.index.AppendResult;
import org.videoannotator.index.Clip;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.spark.SparkTestSession;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * A real corpus to Parquet and back through real Spark: every key, clip and vector bit survives.
 */
@Tag("spark")
class CorpusParquetTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(VectorColumn.class)
  void aCorpusRoundTripsThroughParquet(VectorColumn column) {
    SparkSession spark = SparkTestSession.get();
    String table = dir.resolve("table").toString();
    try (Corpus source = SyntheticCorpora.create(dir.resolve("source"), 1200, 48, 7)) {
      assertEquals(1200, CorpusParquet.export(spark, source, table, column));
      Dataset<Row> read = spark.read().parquet(table);
      assertEquals(1200, read.count());
      assertTrue(List.of(read.columns()).containsAll(List.of("row", "key", "vector", "extra")));
      assertEquals(column, VectorColumn.of(read.schema()));

      AppendResult imported =
          CorpusParquet.importInto(spark, table, dir.resolve("copy"), null, StoreSpec.lucene());
      assertEquals(1200, imported.appended());
      try (Corpus copy = Corpus.open(dir.resolve("copy"), CorpusOptions.existing())) {
        assertEquals(source.embedder(), copy.embedder());
        assertEquals(source.keys(), copy.keys(), "same keys in the same row order");
        for (int r = 0; r < source.size(); r++) {
          Clip clip = source.clipAt(r);
          assertEquals(clip, copy.clipAt(r));
          assertArrayEquals(source.vector(clip.key()), copy.vector(clip.key()), clip.key());
        }
      }
      AppendResult again =
          CorpusParquet.importInto(spark, table, dir.resolve("copy"), null, StoreSpec.lucene());
      assertEquals(0, again.appended(), "an import run twice adds nothing");
      assertEquals(1200, again.skipped().size());
    }
  }

  @Test
  void aForeignTableNeedsOnlyKeysAndVectorsAndSaysWhatItLacks() {
    SparkSession spark = SparkTestSession.get();
    StructType schema =
        new StructType()
            .add("key", DataTypes.StringType)
            .add("vector", DataTypes.createArrayType(DataTypes.FloatType));
    List<Row> rows =
        List.of(
            RowFactory.create("film-a|0", new float[] {1, 0, 0}),
            RowFactory.create("film-a|40", new float[] {0, 3, 4}));
    String table = dir.resolve("foreign").toString();
    spark.createDataFrame(rows, schema).write().parquet(table);
    UserException noEmbedder =
        assertThrows(
            UserException.class,
            () ->
                CorpusParquet.importInto(spark, table, dir.resolve("c"), null, StoreSpec.lucene()));
    assertTrue(noEmbedder.getMessage().contains("--embedder"), noEmbedder.getMessage());

    CorpusParquet.importInto(
        spark,
        table,
        dir.resolve("c"),
        new EmbedderInfo("theirs", "1", Map.of()),
        StoreSpec.lucene());
    try (Corpus c = Corpus.open(dir.resolve("c"), CorpusOptions.existing())) {
      assertEquals(List.of("film-a|0", "film-a|40"), c.keys());
      assertEquals("film-a", c.clipAt(1).video());
      assertArrayEquals(new float[] {0, 0.6f, 0.8f}, c.vector("film-a|40"), 1e-6f);
    }

    String bad = dir.resolve("bad").toString();
    spark
        .createDataFrame(
            List.of(RowFactory.create("k")), new StructType().add("key", DataTypes.StringType))
        .write()
        .parquet(bad);
    UserException noVector =
        assertThrows(
            UserException.class,
            () ->
                CorpusParquet.importInto(
                    spark,
                    bad,
                    dir.resolve("d"),
                    new EmbedderInfo("x", "1", Map.of()),
                    StoreSpec.lucene()));
    assertTrue(noVector.getMessage().contains("'vector'"), noVector.getMessage());
  }
}

package org.videoannotator.spark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videoannotator.index.Corpus;
import org.videoannotator.spark.SparkTestSession;
import org.videoannotator.spark.parquet.CorpusParquet;
import org.videoannotator.spark.parquet.VectorColumn;
import org.videoannotator.testkit.SyntheticCorpora;

/** The schema read from one footer is the one Spark infers; what it cannot read, Spark infers. */
@Tag("spark")
class FooterSchemaTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(VectorColumn.class)
  void isTheSchemaSparkInfersAndLeavesOtherPathsToSpark(VectorColumn column) throws IOException {
    SparkSession spark = SparkTestSession.get();
    String table = dir.resolve("table").toString();
    try (Corpus corpus = SyntheticCorpora.create(dir.resolve("corpus"), 300, 8, 5)) {
      CorpusParquet.export(spark, corpus, table, column);
    }
    assertEquals(spark.read().parquet(table).schema(), FooterSchema.read(spark, table));
    Path file;
    try (var files = Files.list(Path.of(table))) {
      file = files.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst().get();
    }
    assertEquals(
        spark.read().parquet(file.toString()).schema(), FooterSchema.read(spark, file.toString()));

    // A partitioned folder (its partition column is in the paths), a glob, a missing path, a
    // folder of files that are not Parquet: Spark's inference decides.
    String partitioned = dir.resolve("partitioned").toString();
    spark.read().parquet(table).write().partitionBy("video").parquet(partitioned);
    assertNull(FooterSchema.read(spark, partitioned));
    assertNull(FooterSchema.read(spark, table + "/part-*"));
    assertNull(FooterSchema.read(spark, dir.resolve("missing").toString()));
    Files.writeString(Files.createDirectories(dir.resolve("text")).resolve("a.txt"), "not parquet");
    assertNull(FooterSchema.read(spark, dir.resolve("text").toString()));
  }
}

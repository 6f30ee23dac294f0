package org.videoannotator.spark.score;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.ParquetToSparkSchemaConverter;
import org.apache.spark.sql.types.StructType;

/**
 * A Parquet table's schema as Spark infers it (one data file's footer, converted by Spark's own
 * converter with the session's settings), read on the driver: Spark's inference runs a Spark job to
 * read that one footer, a tenth of a scoring job's wall time on two cores. Only for a single file
 * or a folder of data files; anything else (a glob, a partitioned folder, a file that is not
 * Parquet) is left to Spark's inference, which also gives its errors.
 */
final class FooterSchema {
  private FooterSchema() {}

  /** The schema of {@code table}, or null when Spark should infer it. */
  static StructType read(SparkSession spark, String table) {
    if (table.chars().anyMatch(c -> "*?[]{}".indexOf(c) >= 0)) {
      return null;
    }
    Configuration conf = spark.sessionState().newHadoopConf();
    try {
      Path path = new Path(table);
      FileSystem fs = path.getFileSystem(conf);
      Path file = dataFile(fs, fs.getFileStatus(path));
      if (file == null) {
        return null;
      }
      try (ParquetFileReader reader =
          ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
        // Spark reads every column of a file source as nullable, whatever the file says.
        return new ParquetToSparkSchemaConverter(spark.sessionState().conf())
            .convert(reader.getFileMetaData().getSchema())
            .toNullable();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The file itself, or the first data file of a folder that holds only files (Spark's listing
   * skips names starting with {@code _} or {@code .}); null otherwise.
   */
  private static Path dataFile(FileSystem fs, FileStatus status) throws IOException {
    if (status.isFile()) {
      return status.getPath();
    }
    FileStatus[] children = fs.listStatus(status.getPath());
    Arrays.sort(children, Comparator.comparing(FileStatus::getPath));
    Path first = null;
    for (FileStatus child : children) {
      String name = child.getPath().getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      if (!child.isFile()) {
        return null;
      }
      if (first == null) {
        first = child.getPath();
      }
    }
    return first;
  }
}

package org.videoannotator.spark.score;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The driver's side of {@code OUT/scores}: emptied before the job (a second run replaces the
 * table), marked complete after it with {@code _SUCCESS} as Spark's writer marks a table, its
 * tasks' temporary files removed. The tasks' side is {@link ScoresFile}.
 */
final class ScoresTable {
  private ScoresTable() {}

  static void clear(SparkSession spark, String dir) {
    Path path = new Path(dir);
    try {
      fs(spark, path).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + dir, e);
    }
  }

  static void commit(SparkSession spark, String dir) {
    Path path = new Path(dir);
    try {
      FileSystem fs = fs(spark, path);
      fs.mkdirs(path);
      fs.delete(new Path(path, ScoresPart.TEMPORARY), true);
      fs.create(new Path(path, "_SUCCESS"), true).close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot complete " + dir, e);
    }
  }

  private static FileSystem fs(SparkSession spark, Path path) throws IOException {
    return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }
}

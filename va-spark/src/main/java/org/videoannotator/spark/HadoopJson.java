package org.videoannotator.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.videoannotator.core.Json;

/** Small JSON files beside a job's output, on whatever Hadoop filesystem that output is on. */
public final class HadoopJson {
  private HadoopJson() {}

  /** Writes {@code value} as pretty JSON to {@code folder/name}, replacing it. */
  public static void write(SparkSession spark, String folder, String name, Object value) {
    Path path = new Path(folder, name);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream out = fs.create(path, true)) {
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** Reads {@code folder/name} as a {@code type}, or null when there is no such file. */
  public static <T> T read(SparkSession spark, String folder, String name, Class<T> type) {
    Path path = new Path(folder, name);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        return null;
      }
      try (InputStream in = fs.open(path)) {
        return Json.mapper().readValue(in, type);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}

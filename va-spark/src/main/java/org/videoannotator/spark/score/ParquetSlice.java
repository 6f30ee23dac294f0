package org.videoannotator.spark.score;

import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.Partition;
import org.apache.spark.paths.SparkPath;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.FilePartition;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A byte range of one Parquet file, as Spark's scan planned it: a task reads the row groups whose
 * middle lies in the range (Parquet's rule, so neighbouring ranges never read a row group twice).
 *
 * @param path the file, as Spark's URL-encoded path string
 */
record ParquetSlice(String path, long start, long length) implements Serializable {
  /**
   * The partitions Spark planned for a file scan of {@code selected} (its split size, its packing
   * of small files), each as the slices it reads; null when the plan is not one Parquet file scan.
   */
  static List<List<ParquetSlice>> partitions(Dataset<Row> selected) {
    SparkPlan plan = selected.queryExecution().executedPlan();
    List<SparkPlan> leaves = CollectionConverters.asJava(plan.collectLeaves());
    if (leaves.size() != 1 || !(leaves.get(0) instanceof FileSourceScanExec scan)) {
      return null;
    }
    List<List<ParquetSlice>> out = new ArrayList<>();
    for (Partition partition : scan.inputRDD().partitions()) {
      List<ParquetSlice> slices = new ArrayList<>();
      for (PartitionedFile file : ((FilePartition) partition).files()) {
        slices.add(new ParquetSlice(file.filePath().urlEncoded(), file.start(), file.length()));
      }
      out.add(slices);
    }
    return out;
  }

  Path hadoopPath() {
    return SparkPath.fromUrlString(path).toPath();
  }

  /** Whether the file is on this machine's filesystem (a {@code file:} path). */
  boolean local() {
    return "file".equals(uri().getScheme());
  }

  URI uri() {
    return SparkPath.fromUrlString(path).toUri();
  }
}

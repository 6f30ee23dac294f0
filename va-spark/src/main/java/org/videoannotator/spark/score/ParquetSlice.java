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

  /**
   * Bytes a scoring task reads at most when partitions are packed: a task's fixed cost (opening its
   * files and their footers, its scores file, Spark's own scheduling and result) was as large as
   * scoring Spark's default 128 MB split.
   */
  static final long PACKED_BYTES = 1L << 30;

  /**
   * Spark's planned partitions packed, in order, into fewer and larger ones of about {@link
   * #PACKED_BYTES} or less, as many as a multiple of {@code parallelism} (so the cores finish
   * together) and no fewer than {@code parallelism}; contiguous ranges of one file become one
   * slice. A planned partition is never split.
   */
  static List<List<ParquetSlice>> packed(List<List<ParquetSlice>> planned, int parallelism) {
    long total = 0;
    for (List<ParquetSlice> part : planned) {
      total += bytes(part);
    }
    int cores = Math.max(1, parallelism);
    long parts = Math.max(1, (total + PACKED_BYTES - 1) / PACKED_BYTES);
    parts = (parts + cores - 1) / cores * cores;
    long target = Math.max(1, (total + parts - 1) / parts);
    List<List<ParquetSlice>> out = new ArrayList<>();
    List<ParquetSlice> current = new ArrayList<>();
    long filled = 0;
    for (List<ParquetSlice> part : planned) {
      long size = bytes(part);
      // A partition ends where adding the next planned one would take it further from the
      // target than stopping does.
      if (!current.isEmpty() && filled + size / 2 > target) {
        out.add(current);
        current = new ArrayList<>();
        filled = 0;
      }
      for (ParquetSlice slice : part) {
        int last = current.size() - 1;
        if (last >= 0 && current.get(last).continuedBy(slice)) {
          ParquetSlice before = current.get(last);
          current.set(
              last, new ParquetSlice(before.path, before.start, before.length + slice.length));
        } else {
          current.add(slice);
        }
      }
      filled += size;
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  private static long bytes(List<ParquetSlice> part) {
    long sum = 0;
    for (ParquetSlice slice : part) {
      sum += slice.length;
    }
    return sum;
  }

  /** Whether {@code next} is the range of the same file right after this one. */
  private boolean continuedBy(ParquetSlice next) {
    return path.equals(next.path) && start + length == next.start;
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

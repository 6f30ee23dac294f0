package org.videoannotator.spark.score;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Where one task writes its part of {@code OUT/scores}: a file under {@code _temporary/ATTEMPT/},
 * renamed into place when complete, so a failed attempt leaves nothing in the table and a second
 * attempt of the same partition writes the same name (its rows are the same). On a local filesystem
 * the file is written with parquet-mr's own local output, not Hadoop's: Hadoop's checksums every
 * byte into a {@code .crc} side file.
 */
final class ScoresPart {
  static final String TEMPORARY = "_temporary";

  private final Path temporary;
  private final Path target;
  private final Configuration conf;
  private final OutputFile file;

  /** {@code part-PARTITION.parquet}, the usual name of a task's part. */
  ScoresPart(String dir, int partition, long attempt, Configuration conf) throws IOException {
    this(dir, String.format("part-%05d.parquet", partition), attempt, conf);
  }

  ScoresPart(String dir, String name, long attempt, Configuration conf) throws IOException {
    this.target = new Path(dir, name);
    this.temporary = new Path(new Path(new Path(dir, TEMPORARY), String.valueOf(attempt)), name);
    this.conf = conf;
    FileSystem fs = temporary.getFileSystem(conf);
    if ("file".equals(fs.getUri().getScheme())) {
      URI local = fs.makeQualified(temporary).toUri();
      Files.createDirectories(Paths.get(local).getParent());
      file = new LocalOutputFile(Paths.get(local));
    } else {
      file = HadoopOutputFile.fromPath(temporary, conf);
    }
  }

  /** The temporary file to write. */
  OutputFile file() {
    return file;
  }

  /** Moves the written file into the table. */
  void commit() throws IOException {
    FileSystem fs = target.getFileSystem(conf);
    fs.delete(target, false);
    if (!fs.rename(temporary, target)) {
      throw new IOException("cannot move " + temporary + " to " + target);
    }
  }
}

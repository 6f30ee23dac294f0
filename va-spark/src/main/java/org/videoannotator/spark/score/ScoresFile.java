package org.videoannotator.spark.score;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * One task's part of {@code OUT/scores}: (key, score) rows written with parquet-mr straight from
 * the scorer's arrays (Spark's writer would turn each row into an unsafe row and walk it again).
 * The file is written under {@code _temporary/ATTEMPT/} and renamed into place when complete, so a
 * failed attempt leaves nothing in the table and a second attempt of the same partition writes the
 * same name (its rows are the same). On a local filesystem the file is written with parquet-mr's
 * own local output, not Hadoop's: Hadoop's checksums every byte into a {@code .crc} side file.
 * Pages carry no CRC of their own (nothing reads them back to verify), no size statistics and no
 * min/max of the keys (comparing every key took a sixth of the writer's CPU).
 */
final class ScoresFile implements AutoCloseable {
  static final String TEMPORARY = "_temporary";
  private static final MessageType SCHEMA =
      Types.buildMessage()
          .required(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("key")
          .required(PrimitiveTypeName.FLOAT)
          .named("score")
          .named("spark_schema");

  private final ParquetWriter<Scored> writer;
  private final Path temporary;
  private final Path target;
  private final Configuration conf;
  private final Scored row = new Scored();

  /** The row being written (one object for all rows: the writer consumes it at once). */
  private static final class Scored {
    UTF8String key;
    float score;
  }

  ScoresFile(String dir, int partition, long attempt, Configuration conf) throws IOException {
    String name = String.format("part-%05d.parquet", partition);
    this.target = new Path(dir, name);
    this.temporary = new Path(new Path(new Path(dir, TEMPORARY), String.valueOf(attempt)), name);
    this.conf = conf;
    FileSystem fs = temporary.getFileSystem(conf);
    Builder builder;
    if ("file".equals(fs.getUri().getScheme())) {
      URI local = fs.makeQualified(temporary).toUri();
      Files.createDirectories(Paths.get(local).getParent());
      builder = new Builder(new LocalOutputFile(Paths.get(local)));
    } else {
      builder = new Builder(temporary);
    }
    this.writer =
        builder
            .withConf(conf)
            .withPageWriteChecksumEnabled(false)
            .withSizeStatisticsEnabled(false)
            .withStatisticsEnabled("key", false)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withDictionaryEncoding(false)
            .build();
  }

  void write(UTF8String key, float score) throws IOException {
    row.key = key;
    row.score = score;
    writer.write(row);
  }

  /** Closes the file and moves it into the table. */
  @Override
  public void close() throws IOException {
    writer.close();
    FileSystem fs = target.getFileSystem(conf);
    fs.delete(target, false);
    if (!fs.rename(temporary, target)) {
      throw new IOException("cannot move " + temporary + " to " + target);
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Scored, Builder> {
    Builder(Path file) {
      super(file);
    }

    Builder(OutputFile file) {
      super(file);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Scored> getWriteSupport(Configuration conf) {
      return new ScoredWriteSupport();
    }
  }

  private static final class ScoredWriteSupport extends WriteSupport<Scored> {
    private RecordConsumer out;

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(SCHEMA, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      out = recordConsumer;
    }

    @Override
    public void write(Scored record) {
      out.startMessage();
      out.startField("key", 0);
      out.addBinary(Binary.fromConstantByteArray(record.key.getBytes()));
      out.endField("key", 0);
      out.startField("score", 1);
      out.addFloat(record.score);
      out.endField("score", 1);
      out.endMessage();
    }
  }
}

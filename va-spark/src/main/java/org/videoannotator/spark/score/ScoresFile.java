package org.videoannotator.spark.score;

import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * One task's part of {@code OUT/scores} (a {@link ScoresPart}) written row by row with parquet-mr
 * from the scorer's arrays, for rows read by Spark's scan (Spark's writer would turn each row into
 * an unsafe row and walk it again). Pages carry no CRC of their own (nothing reads them back to
 * verify), no size statistics and no min/max of the keys (comparing every key took a sixth of the
 * writer's CPU). A binary table read from its pages is written by {@link GroupScoresFile}.
 */
final class ScoresFile implements AutoCloseable {
  private static final MessageType SCHEMA =
      Types.buildMessage()
          .required(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named("key")
          .required(PrimitiveTypeName.FLOAT)
          .named("score")
          .named("spark_schema");

  private final ParquetWriter<Scored> writer;
  private final ScoresPart part;
  private final Scored row = new Scored();

  /** The row being written (one object for all rows: the writer consumes it at once). */
  private static final class Scored {
    UTF8String key;
    float score;
  }

  ScoresFile(String dir, int partition, long attempt, Configuration conf) throws IOException {
    this.part = new ScoresPart(dir, partition, attempt, conf);
    this.writer =
        new Builder(part.file())
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
    part.commit();
  }

  private static final class Builder extends ParquetWriter.Builder<Scored, Builder> {
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

package org.videoannotator.spark.score;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * One task's part of {@code OUT/scores} (a {@link ScoresPart}) for a table read from its pages, a
 * row group of scores per row group read: the {@code key} column chunk is copied byte for byte from
 * the table (its pages, encoding and compression as they are: no key is decoded or encoded again),
 * the {@code score} column is written as PLAIN float pages straight from the scorer's array
 * (uncompressed: scores do not compress; min/max kept). Encoding the keys row by row was a quarter
 * of a task's CPU.
 */
final class GroupScoresFile implements AutoCloseable {
  private static final ValueLayout.OfFloat FLOAT =
      ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  /** Scores per page: 512 KB, half parquet-mr's default page size. */
  private static final int PAGE_ROWS = 128 * 1024;

  private final ScoresPart part;
  private final ParquetFileWriter writer;
  private final ColumnDescriptor keyColumn;
  private final ColumnDescriptor scoreColumn;
  private byte[] page = new byte[0];

  /**
   * @param keyType the table's {@code key} column (the copied chunks are of that type)
   */
  GroupScoresFile(ScoresPart part, Type keyType) throws IOException {
    this.part = part;
    MessageType schema =
        Types.buildMessage()
            .addField(keyType)
            .required(PrimitiveTypeName.FLOAT)
            .named("score")
            .named("spark_schema");
    keyColumn = schema.getColumns().get(0);
    scoreColumn = schema.getColumns().get(1);
    writer =
        new ParquetFileWriter(
            part.file(),
            schema,
            ParquetFileWriter.Mode.OVERWRITE,
            ParquetWriter.DEFAULT_BLOCK_SIZE,
            0,
            ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH,
            ParquetProperties.DEFAULT_STATISTICS_TRUNCATE_LENGTH,
            false);
    writer.start();
  }

  /**
   * A row group: the table's key chunk {@code keys}, read from {@code table}, and the first {@code
   * rows} of {@code scores}, in the chunk's row order.
   */
  void write(SeekableInputStream table, ColumnChunkMetaData keys, float[] scores, int rows)
      throws IOException {
    writer.startBlock(rows);
    writer.appendColumnChunk(keyColumn, table, keys, null, null, null);
    writer.startColumn(scoreColumn, rows, CompressionCodecName.UNCOMPRESSED);
    for (int from = 0; from < rows; from += PAGE_ROWS) {
      int count = Math.min(PAGE_ROWS, rows - from);
      int bytes = count * Float.BYTES;
      if (page.length < bytes) {
        page = new byte[bytes];
      }
      Statistics<?> stats = Statistics.createStats(scoreColumn.getPrimitiveType());
      for (int r = from; r < from + count; r++) {
        stats.updateStats(scores[r]);
      }
      MemorySegment.copy(scores, from, MemorySegment.ofArray(page), FLOAT, 0, count);
      writer.writeDataPage(
          count,
          bytes,
          BytesInput.from(page, 0, bytes),
          stats,
          count,
          Encoding.BIT_PACKED,
          Encoding.BIT_PACKED,
          Encoding.PLAIN);
    }
    writer.endColumn();
    writer.endBlock();
  }

  /** Completes the file and moves it into the table. */
  @Override
  public void close() throws IOException {
    writer.end(Map.of());
    part.commit();
  }
}

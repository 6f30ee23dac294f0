package org.videoannotator.spark.score;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.DotProducts;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.learn.CorpusScorer;
import org.videoannotator.learn.LinearModel;
import org.videoannotator.spark.parquet.ClipTable;

/**
 * One task's Parquet slices (key, binary vector) scored a row group at a time with parquet-mr's
 * page reader rather than Spark's: the vectors of a PLAIN chunk are scored in place in their pages
 * ({@link PlainVectorPages}; a local file's uncompressed chunk memory-mapped, {@link
 * MappedChunks}), other chunks (a dictionary, a delta encoding) copied through parquet-mr's column
 * reader into blocks; the keys are read through the column reader for the feeds only, and copied
 * into the scores file as their column chunk's bytes ({@link GroupScoresFile}).
 */
final class ParquetSliceScorer {
  private static final ValueLayout.OfFloat FLOAT =
      ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final Set<Encoding> PLAIN =
      Set.of(Encoding.PLAIN, Encoding.RLE, Encoding.BIT_PACKED);
  private static final String[] KEY = {ClipTable.KEY};
  private static final String[] VECTOR = {ClipTable.VECTOR};

  /** The key column of a task whose slices hold no row group (its scores file is empty). */
  private static final Type NO_KEYS =
      Types.required(PrimitiveTypeName.BINARY)
          .as(LogicalTypeAnnotation.stringType())
          .named(ClipTable.KEY);

  private final Configuration conf;
  private final LinearModel model;
  private final CorpusScorer scorer = new CorpusScorer(DotProducts.best(), 1);
  private final String scores;
  private final int partition;
  private final long attempt;
  private float[] groupScores = new float[0];
  private GroupScoresFile out;
  private Type outKeys;
  private int outFiles;

  ParquetSliceScorer(
      Configuration conf, LinearModel model, String scores, int partition, long attempt) {
    this.conf = conf;
    this.model = model;
    this.scores = scores;
    this.partition = partition;
    this.attempt = attempt;
  }

  /** Scores every row of {@code slices} into the scores table; returns their feed candidates. */
  FeedRanks run(List<ParquetSlice> slices, FeedRanks empty) throws IOException {
    FeedRanks feeds = empty.fresh();
    try {
      for (ParquetSlice slice : slices) {
        score(slice, feeds);
      }
      if (out == null) {
        output(NO_KEYS);
      }
    } finally {
      if (out != null) {
        out.close();
      }
    }
    return feeds;
  }

  /**
   * A slice's row groups. When every vector chunk it reads is plain and uncompressed, parquet-mr
   * reads only the keys and the vectors come page by page from a second stream ({@link
   * UncompressedChunkPages}), memory-mapped when the file is local; else parquet-mr reads both
   * columns. A local file is read without Hadoop's filesystem, whose checksum stream costs a third
   * of the read.
   */
  private void score(ParquetSlice slice, FeedRanks feeds) throws IOException {
    Path local = slice.local() ? Path.of(slice.uri()) : null;
    InputFile file =
        local != null
            ? new LocalInputFile(local)
            : HadoopInputFile.fromPath(slice.hadoopPath(), conf);
    try (ParquetFileReader reader =
            ParquetFileReader.open(
                file,
                HadoopReadOptions.builder(conf)
                    .withRange(slice.start(), slice.start() + slice.length())
                    .build());
        SeekableInputStream keyBytes =
            local != null ? LocalFileStream.open(local) : file.newStream()) {
      MessageType schema = reader.getFileMetaData().getSchema();
      MessageType both =
          new MessageType(
              schema.getName(), schema.getType(ClipTable.KEY), schema.getType(ClipTable.VECTOR));
      ColumnDescriptor keyColumn = both.getColumnDescription(KEY);
      ColumnDescriptor vectorColumn = both.getColumnDescription(VECTOR);
      boolean pageByPage = true;
      boolean mappable = local != null;
      for (BlockMetaData group : reader.getRowGroups()) {
        ColumnChunkMetaData chunk = chunk(group, ClipTable.VECTOR);
        pageByPage &= plain(chunk) && UncompressedChunkPages.fits(chunk);
        mappable &= MappedChunks.fits(chunk);
      }
      MessageType projection =
          pageByPage ? new MessageType(schema.getName(), schema.getType(ClipTable.KEY)) : both;
      reader.setRequestedSchema(projection);
      try (MappedChunks mapped = pageByPage && mappable ? new MappedChunks(local) : null;
          SeekableInputStream vectorBytes = pageByPage && !mappable ? file.newStream() : null) {
        for (BlockMetaData group : reader.getRowGroups()) {
          PageReadStore pages = reader.readNextRowGroup();
          int rows = Math.toIntExact(pages.getRowCount());
          if (groupScores.length < rows) {
            groupScores = new float[rows];
          }
          ColumnReadStoreImpl columns =
              new ColumnReadStoreImpl(
                  pages,
                  new IgnoredValues(projection.getFieldCount()),
                  projection,
                  reader.getFileMetaData().getCreatedBy());
          ColumnChunkMetaData chunk = chunk(group, ClipTable.VECTOR);
          PlainVectorPages plain;
          if (mapped != null) {
            plain =
                new PlainVectorPages(
                    UncompressedChunkPages.ofBytes(mapped.map(chunk), chunk), vectorColumn);
          } else if (vectorBytes != null) {
            plain =
                new PlainVectorPages(
                    UncompressedChunkPages.ofStream(vectorBytes, chunk), vectorColumn);
          } else if (plain(chunk)) {
            plain = new PlainVectorPages(pages.getPageReader(vectorColumn), vectorColumn);
          } else {
            plain = null;
          }
          BadVector bad =
              plain != null
                  ? plain.score(scorer, model, groupScores, rows)
                  : copyAndScore(columns.getColumnReader(vectorColumn), vectorColumn, rows);
          ColumnChunkMetaData keys = chunk(group, ClipTable.KEY);
          if (plain(keys)) {
            int last = bad == null ? rows : bad.row();
            String badKey =
                new PlainKeyPages(pages.getPageReader(keyColumn), keyColumn)
                    .addToFeeds(groupScores, rows, last, feeds);
            if (bad != null) {
              throw bad.error(badKey, model.dim());
            }
          } else {
            addToFeeds(columns.getColumnReader(keyColumn), keyColumn, rows, bad, feeds);
          }
          output(schema.getType(ClipTable.KEY)).write(keyBytes, keys, groupScores, rows);
        }
      }
    }
  }

  /**
   * The vectors of a chunk parquet-mr decodes (a dictionary, a delta encoding), copied into blocks
   * of floats and scored; stops at the first row the model cannot score and says which.
   */
  private BadVector copyAndScore(ColumnReader values, ColumnDescriptor column, int rows) {
    int dim = model.dim();
    int blockRows = ScoreJob.blockRows(dim);
    float[] block = new float[blockRows * dim];
    for (int from = 0; from < rows; from += blockRows) {
      int count = Math.min(blockRows, rows - from);
      for (int r = 0; r < count; r++) {
        if (values.getCurrentDefinitionLevel() != column.getMaxDefinitionLevel()) {
          return new BadVector(from + r, BadVector.NONE);
        }
        ByteBuffer bytes = values.getBinary().toByteBuffer();
        int length = bytes.remaining();
        if (length != dim * Float.BYTES) {
          return new BadVector(
              from + r, length % Float.BYTES == 0 ? length / Float.BYTES : BadVector.NOT_FLOATS);
        }
        MemorySegment.copy(MemorySegment.ofBuffer(bytes), FLOAT, 0, block, r * dim, dim);
        values.consume();
      }
      float[] packed = count == blockRows ? block : Arrays.copyOf(block, count * dim);
      float[] probabilities = scorer.probabilities(FloatMatrix.ofHeap(packed, count, dim), model);
      System.arraycopy(probabilities, 0, groupScores, from, count);
    }
    return null;
  }

  /**
   * The row group's keys of a chunk parquet-mr decodes (a dictionary), each with its score, offered
   * to the feeds without a string per key; throws the error naming the clip of row {@code bad} when
   * there is one.
   */
  private void addToFeeds(
      ColumnReader keys, ColumnDescriptor column, int rows, BadVector bad, FeedRanks feeds) {
    int last = bad == null ? rows : bad.row() + 1;
    for (int r = 0; r < last; r++) {
      if (keys.getCurrentDefinitionLevel() != column.getMaxDefinitionLevel()) {
        throw new UserException(
            "a row of the table has no key; every row of a scored table needs one");
      }
      Binary key = keys.getBinary();
      if (bad != null && r == bad.row()) {
        throw bad.error(key.toStringUsingUTF8(), model.dim());
      }
      ByteBuffer bytes = key.toByteBuffer();
      if (bytes.hasArray()) {
        feeds.add(
            bytes.array(),
            bytes.arrayOffset() + bytes.position(),
            bytes.remaining(),
            groupScores[r]);
      } else {
        byte[] copy = key.getBytes();
        feeds.add(copy, 0, copy.length, groupScores[r]);
      }
      keys.consume();
    }
  }

  /**
   * The task's scores file for keys of {@code keyType}; a slice whose key column is typed otherwise
   * (a table of files written by different tools) starts a second file.
   */
  private GroupScoresFile output(Type keyType) throws IOException {
    if (out != null && !keyType.equals(outKeys)) {
      out.close();
      out = null;
    }
    if (out == null) {
      String name =
          outFiles == 0
              ? String.format("part-%05d.parquet", partition)
              : String.format("part-%05d-%d.parquet", partition, outFiles);
      out = new GroupScoresFile(new ScoresPart(scores, name, attempt, conf), keyType);
      outKeys = keyType;
      outFiles++;
    }
    return out;
  }

  private static ColumnChunkMetaData chunk(BlockMetaData group, String column) {
    for (ColumnChunkMetaData chunk : group.getColumns()) {
      if (chunk.getPath().toDotString().equals(column)) {
        return chunk;
      }
    }
    throw new IllegalStateException("a row group without a " + column + " column");
  }

  /** A chunk of PLAIN pages only (no dictionary, no delta encoding). */
  private static boolean plain(ColumnChunkMetaData chunk) {
    return !chunk.hasDictionaryPage() && PLAIN.containsAll(chunk.getEncodings());
  }

  /** The column readers' values are taken by the scorer, not pushed to converters. */
  private static final class IgnoredValues extends GroupConverter {
    private final int fields;

    IgnoredValues(int fields) {
      this.fields = fields;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      if (fieldIndex >= fields) {
        throw new IndexOutOfBoundsException(fieldIndex);
      }
      return new PrimitiveConverter() {};
    }

    @Override
    public void start() {}

    @Override
    public void end() {}
  }
}

package org.videoannotator.spark.score;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Iterator;
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
import org.apache.parquet.schema.MessageType;
import org.apache.spark.unsafe.types.UTF8String;
import org.videoannotator.core.UserException;
import org.videoannotator.spark.parquet.ClipTable;

/**
 * The (key, binary vector) rows of a task's Parquet slices, read with parquet-mr's page reader
 * rather than Spark's: keys through parquet-mr's column reader (any encoding), vectors of a PLAIN
 * column chunk straight from its pages ({@link PlainVectorPages}), other chunks (a dictionary, a
 * delta encoding) through the column reader too.
 */
final class ParquetVectorCursor extends VectorCursor implements AutoCloseable {
  private static final ValueLayout.OfFloat FLOAT =
      ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final Set<Encoding> PLAIN =
      Set.of(Encoding.PLAIN, Encoding.RLE, Encoding.BIT_PACKED);
  private static final String[] KEY = {ClipTable.KEY};
  private static final String[] VECTOR = {ClipTable.VECTOR};

  private final Iterator<ParquetSlice> slices;
  private final Configuration conf;
  private ParquetFileReader reader;
  private SeekableInputStream vectorStream;
  private MappedChunks mapped;
  private Iterator<BlockMetaData> groups;
  private long left;
  private ColumnDescriptor keyColumn;
  private ColumnDescriptor vectorColumn;
  private ColumnReader keys;
  private PlainVectorPages plain;
  private ColumnReader values;
  private MessageType projection;
  private UTF8String key;
  private boolean hasKey;
  private boolean hasVector;
  private Binary value;

  ParquetVectorCursor(List<ParquetSlice> slices, Configuration conf) {
    this.slices = slices.iterator();
    this.conf = conf;
  }

  @Override
  boolean next() {
    try {
      while (left == 0) {
        if (!nextGroup()) {
          return false;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    left--;
    hasKey = keys.getCurrentDefinitionLevel() == keyColumn.getMaxDefinitionLevel();
    if (hasKey) {
      // A copy of its own (parquet-mr's values are views of a page): the scorer keeps keys.
      key = UTF8String.fromBytes(keys.getBinary().getBytes());
    }
    keys.consume();
    if (plain != null) {
      hasVector = plain.next();
    } else {
      hasVector = values.getCurrentDefinitionLevel() == vectorColumn.getMaxDefinitionLevel();
      value = hasVector ? values.getBinary() : null;
      values.consume();
    }
    if (!hasKey) {
      throw new UserException(
          "a row of the table has no key; every row of a scored table needs one");
    }
    return true;
  }

  @Override
  UTF8String rawKey() {
    return key;
  }

  @Override
  UTF8String ownKey() {
    return key;
  }

  @Override
  void copyVector(float[] block, int offset, int dim) {
    if (!hasVector) {
      throw noVector(key());
    }
    int bytes = plain != null ? plain.bytes() : value.length();
    check(bytes % Float.BYTES == 0 ? bytes / Float.BYTES : -1, dim, this);
    if (plain != null) {
      plain.copy(block, offset, dim);
    } else {
      MemorySegment.copy(
          MemorySegment.ofBuffer(value.toByteBuffer()), FLOAT, 0, block, offset, dim);
    }
  }

  /** Opens the next row group (of this file, else of the next slice's); false after the last. */
  private boolean nextGroup() throws IOException {
    while (groups == null || !groups.hasNext()) {
      close();
      if (!slices.hasNext()) {
        return false;
      }
      open(slices.next());
    }
    BlockMetaData group = groups.next();
    PageReadStore pages = reader.readNextRowGroup();
    left = pages.getRowCount();
    ColumnReadStoreImpl columns =
        new ColumnReadStoreImpl(
            pages,
            new IgnoredValues(projection.getFieldCount()),
            projection,
            reader.getFileMetaData().getCreatedBy());
    keys = columns.getColumnReader(keyColumn);
    ColumnChunkMetaData chunk = vectorChunk(group);
    values = null;
    if (mapped != null) {
      plain =
          new PlainVectorPages(
              UncompressedChunkPages.ofBytes(mapped.map(chunk), chunk), vectorColumn);
    } else if (vectorStream != null) {
      plain =
          new PlainVectorPages(UncompressedChunkPages.ofStream(vectorStream, chunk), vectorColumn);
    } else if (plain(chunk)) {
      plain = new PlainVectorPages(pages.getPageReader(vectorColumn), vectorColumn);
    } else {
      plain = null;
      values = columns.getColumnReader(vectorColumn);
    }
    return true;
  }

  /**
   * Opens a slice's file. When every vector chunk it reads is plain and uncompressed, parquet-mr
   * reads only the keys and the vectors come page by page from a second stream ({@link
   * UncompressedChunkPages}), memory-mapped when the file is local ({@link MappedChunks}); else
   * parquet-mr reads both columns. A local file is read without Hadoop's filesystem, whose checksum
   * stream costs a third of the read.
   */
  private void open(ParquetSlice slice) throws IOException {
    Path local = slice.local() ? Path.of(slice.uri()) : null;
    InputFile file =
        local != null
            ? new LocalInputFile(local)
            : HadoopInputFile.fromPath(slice.hadoopPath(), conf);
    reader =
        ParquetFileReader.open(
            file,
            HadoopReadOptions.builder(conf)
                .withRange(slice.start(), slice.start() + slice.length())
                .build());
    MessageType schema = reader.getFileMetaData().getSchema();
    MessageType both =
        new MessageType(
            schema.getName(), schema.getType(ClipTable.KEY), schema.getType(ClipTable.VECTOR));
    keyColumn = both.getColumnDescription(KEY);
    vectorColumn = both.getColumnDescription(VECTOR);
    boolean pageByPage = true;
    boolean mappable = local != null;
    for (BlockMetaData group : reader.getRowGroups()) {
      ColumnChunkMetaData chunk = vectorChunk(group);
      pageByPage &= plain(chunk) && UncompressedChunkPages.fits(chunk);
      mappable &= MappedChunks.fits(chunk);
    }
    if (pageByPage) {
      projection = new MessageType(schema.getName(), schema.getType(ClipTable.KEY));
      if (mappable) {
        mapped = new MappedChunks(local);
      } else {
        vectorStream = file.newStream();
      }
    } else {
      projection = both;
    }
    reader.setRequestedSchema(projection);
    groups = reader.getRowGroups().iterator();
  }

  private static ColumnChunkMetaData vectorChunk(BlockMetaData group) {
    for (ColumnChunkMetaData chunk : group.getColumns()) {
      if (chunk.getPath().toDotString().equals(ClipTable.VECTOR)) {
        return chunk;
      }
    }
    throw new IllegalStateException("a row group without a " + ClipTable.VECTOR + " column");
  }

  /** A chunk of PLAIN pages only (no dictionary, no delta encoding). */
  private static boolean plain(ColumnChunkMetaData chunk) {
    return !chunk.hasDictionaryPage() && PLAIN.containsAll(chunk.getEncodings());
  }

  @Override
  public void close() {
    try (ParquetFileReader r = reader;
        SeekableInputStream v = vectorStream;
        MappedChunks m = mapped) {
      reader = null;
      vectorStream = null;
      mapped = null;
      groups = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The column readers' values are taken by the cursor, not pushed to converters. */
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

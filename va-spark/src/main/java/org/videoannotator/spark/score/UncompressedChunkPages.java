package org.videoannotator.spark.score;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.SeekableInputStream;

/**
 * The data pages of one uncompressed, unencrypted column chunk without a dictionary, read from the
 * file one page at a time into one reused buffer. parquet-mr's row group reader would read the
 * whole chunk (a row group's worth of vectors, ~128 MB) into fresh heap buffers first: garbage the
 * size of the table, collected as humongous objects.
 */
final class UncompressedChunkPages implements PageReader {
  private final SeekableInputStream in;
  private final ColumnChunkMetaData chunk;
  private long valuesLeft;
  private byte[] buffer = new byte[0];

  UncompressedChunkPages(SeekableInputStream in, ColumnChunkMetaData chunk) throws IOException {
    this.in = in;
    this.chunk = chunk;
    this.valuesLeft = chunk.getValueCount();
    in.seek(chunk.getStartingPos());
  }

  /** Whether a chunk can be read this way. */
  static boolean fits(ColumnChunkMetaData chunk) {
    return chunk.getCodec() == CompressionCodecName.UNCOMPRESSED
        && !chunk.hasDictionaryPage()
        && !chunk.isEncrypted();
  }

  @Override
  public DictionaryPage readDictionaryPage() {
    return null;
  }

  @Override
  public long getTotalValueCount() {
    return chunk.getValueCount();
  }

  /** The next data page (its bytes valid until the next call), null after the last. */
  @Override
  public DataPage readPage() {
    try {
      while (valuesLeft > 0) {
        PageHeader header = Util.readPageHeader(in);
        int size = header.getCompressed_page_size();
        if (buffer.length < size) {
          buffer = new byte[Math.max(size, buffer.length * 2)];
        }
        in.readFully(buffer, 0, size);
        DataPage page = page(header, size);
        if (page != null) {
          valuesLeft -= page.getValueCount();
          return page;
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(chunk.getPath() + ": cannot read a page", e);
    }
  }

  /** A data page over the buffer; null for a page that holds no values (an index page). */
  private DataPage page(PageHeader header, int size) {
    switch (header.getType()) {
      case DATA_PAGE -> {
        DataPageHeader v1 = header.getData_page_header();
        return new DataPageV1(
            BytesInput.from(buffer, 0, size),
            v1.getNum_values(),
            size,
            null,
            encoding(v1.getRepetition_level_encoding()),
            encoding(v1.getDefinition_level_encoding()),
            encoding(v1.getEncoding()));
      }
      case DATA_PAGE_V2 -> {
        DataPageHeaderV2 v2 = header.getData_page_header_v2();
        int repeats = v2.getRepetition_levels_byte_length();
        int defines = v2.getDefinition_levels_byte_length();
        return DataPageV2.uncompressed(
            v2.getNum_rows(),
            v2.getNum_nulls(),
            v2.getNum_values(),
            BytesInput.from(buffer, 0, repeats),
            BytesInput.from(buffer, repeats, defines),
            encoding(v2.getEncoding()),
            BytesInput.from(buffer, repeats + defines, size - repeats - defines),
            null);
      }
      case DICTIONARY_PAGE ->
          throw new IllegalStateException(chunk.getPath() + ": a dictionary page in a plain chunk");
      default -> {
        return null;
      }
    }
  }

  /** parquet-mr's encoding of the file format's one (the two enums share their names). */
  private static Encoding encoding(Enum<?> format) {
    return Encoding.valueOf(format.name());
  }
}

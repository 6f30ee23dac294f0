package org.videoannotator.spark.score;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;

/**
 * The pages of one PLAIN-encoded binary column chunk, one at a time: a page's values are a 4-byte
 * little-endian length and the value's bytes, back to back, so they are read where they lie in the
 * (decompressed, or memory-mapped) page, without parquet-mr's value reader and its objects per
 * value. Definition levels say which rows are null.
 */
abstract class PlainPages {
  static final ValueLayout.OfInt LENGTH =
      ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private final PageReader pages;
  final ColumnDescriptor column;

  /** The loaded page's values (as a segment and as the buffer it views). */
  MemorySegment values = MemorySegment.NULL;

  ByteBuffer data;

  /** The loaded page's row count and which of its rows are not null. */
  int count;

  boolean[] present = new boolean[0];

  PlainPages(PageReader pages, ColumnDescriptor column) {
    this.pages = pages;
    this.column = column;
  }

  /** Loads the chunk's next page. */
  void nextPage() {
    load(pages.readPage());
  }

  private void load(DataPage page) {
    if (page == null) {
      throw new IllegalStateException(column + ": the column chunk ended before its row group");
    }
    count = page.getValueCount();
    if (present.length < count) {
      present = new boolean[count];
    }
    try {
      data =
          switch (page) {
            case DataPageV1 v1 -> v1Values(v1);
            case DataPageV2 v2 -> v2Values(v2);
            default -> throw new IllegalStateException("unknown page " + page);
          };
      values = MemorySegment.ofBuffer(data);
    } catch (IOException e) {
      throw new UncheckedIOException(column + ": cannot read a page", e);
    }
  }

  private ByteBuffer v1Values(DataPageV1 page) throws IOException {
    requirePlain(page.getValueEncoding());
    ByteBufferInputStream in = page.getBytes().toInputStream();
    if (column.getMaxDefinitionLevel() == 0) {
      Arrays.fill(present, 0, count, true);
    } else {
      ValuesReader levels =
          page.getDlEncoding().getValuesReader(column, ValuesType.DEFINITION_LEVEL);
      levels.initFromPage(count, in);
      for (int i = 0; i < count; i++) {
        present[i] = levels.readInteger() == column.getMaxDefinitionLevel();
      }
    }
    return in.slice(in.available());
  }

  private ByteBuffer v2Values(DataPageV2 page) throws IOException {
    requirePlain(page.getDataEncoding());
    int max = column.getMaxDefinitionLevel();
    if (max == 0) {
      Arrays.fill(present, 0, count, true);
    } else {
      RunLengthBitPackingHybridDecoder levels =
          new RunLengthBitPackingHybridDecoder(
              BytesUtils.getWidthFromMaxInt(max), page.getDefinitionLevels().toInputStream());
      for (int i = 0; i < count; i++) {
        present[i] = levels.readInt() == max;
      }
    }
    return page.getData().toByteBuffer();
  }

  private void requirePlain(Encoding encoding) {
    if (encoding != Encoding.PLAIN) {
      throw new IllegalStateException(column + ": a " + encoding + " page in a PLAIN chunk");
    }
  }
}

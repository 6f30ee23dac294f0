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
 * The binary vectors of one column chunk whose pages are PLAIN-encoded, read a page at a time: a
 * page's values are a 4-byte little-endian length and the value's bytes, back to back, so a vector
 * is found by offset in the (decompressed) page and copied once, as floats, into the scorer's
 * block. Spark's reader instead copies each value into its column vector first.
 */
final class PlainVectorPages {
  private static final ValueLayout.OfInt LENGTH =
      ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfFloat FLOAT =
      ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private final PageReader pages;
  private final ColumnDescriptor column;
  private MemorySegment values = MemorySegment.NULL;
  private boolean[] present = new boolean[0];
  private int count;
  private int index = -1;
  private long offset;
  private long valueOffset = -1;

  PlainVectorPages(PageReader pages, ColumnDescriptor column) {
    this.pages = pages;
    this.column = column;
  }

  /** Moves to the next row's value; false when it is null. */
  boolean next() {
    if (valueOffset >= 0) {
      offset = valueOffset + Float.BYTES + values.get(LENGTH, valueOffset);
    }
    index++;
    if (index >= count) {
      load(pages.readPage());
    }
    valueOffset = present[index] ? offset : -1;
    return valueOffset >= 0;
  }

  /** The current value's length in bytes. */
  int bytes() {
    return values.get(LENGTH, valueOffset);
  }

  /** Copies the current value, {@code dim} little-endian floats, to {@code block[at..at + dim)}. */
  void copy(float[] block, int at, int dim) {
    MemorySegment.copy(values, FLOAT, valueOffset + Float.BYTES, block, at, dim);
  }

  private void load(DataPage page) {
    if (page == null) {
      throw new IllegalStateException(column + ": the column chunk ended before its row group");
    }
    count = page.getValueCount();
    index = 0;
    offset = 0;
    valueOffset = -1;
    if (present.length < count) {
      present = new boolean[count];
    }
    try {
      ByteBuffer data =
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

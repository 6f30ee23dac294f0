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
import org.videoannotator.learn.CorpusScorer;
import org.videoannotator.learn.LinearModel;

/**
 * The binary vectors of one column chunk whose pages are PLAIN-encoded, scored a page at a time in
 * place: a page's values are a 4-byte little-endian length and the value's bytes, back to back, so
 * when every row is a vector of the model's dimension the vectors sit at a fixed stride in the
 * (decompressed, or memory-mapped) page and the scorer reads them there, with no copy. Spark's
 * reader instead copies each value into its column vector first.
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

  PlainVectorPages(PageReader pages, ColumnDescriptor column) {
    this.pages = pages;
    this.column = column;
  }

  /**
   * Scores the chunk's next {@code rows} rows into {@code scores[0..rows)}; stops at the first row
   * without a vector of the model's dimension and says which. A page is checked and scored a few
   * rows at a time, so the rows whose lengths were just read are still in the core's cache when
   * they are scored (checking a whole page first read it from memory twice).
   */
  BadVector score(CorpusScorer scorer, LinearModel model, float[] scores, int rows) {
    int dim = model.dim();
    long stride = Integer.BYTES + (long) dim * Float.BYTES;
    int blockRows = ScoreJob.blockRows(dim);
    for (int at = 0; at < rows; at += count) {
      load(pages.readPage());
      if (at + count > rows) {
        throw new IllegalStateException(column + ": a page runs past its row group");
      }
      for (int from = 0; from < count; from += blockRows) {
        int to = Math.min(count, from + blockRows);
        BadVector bad = firstBad(from, to, from * stride, dim);
        if (bad != null) {
          return new BadVector(at + bad.row(), bad.floats());
        }
        scorer.probabilities(
            values,
            from * stride + Integer.BYTES,
            stride,
            FLOAT,
            model,
            scores,
            at + from,
            to - from);
      }
    }
    return null;
  }

  /**
   * The first of the loaded page's rows {@code [from, to)}, the first at byte {@code offset}, that
   * is null or not {@code dim} floats; null if none (the rows then sit at a fixed stride).
   */
  private BadVector firstBad(int from, int to, long offset, int dim) {
    for (int i = from; i < to; i++) {
      if (!present[i]) {
        return new BadVector(i, BadVector.NONE);
      }
      int bytes = values.get(LENGTH, offset);
      if (bytes != dim * Float.BYTES) {
        return new BadVector(
            i, bytes % Float.BYTES == 0 ? bytes / Float.BYTES : BadVector.NOT_FLOATS);
      }
      offset += Integer.BYTES + bytes;
    }
    return null;
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

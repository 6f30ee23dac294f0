package org.videoannotator.spark.score;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReader;
import org.videoannotator.core.UserException;

/**
 * The keys of one PLAIN string column chunk, each offered to the feeds with its row's score as the
 * UTF-8 bytes where they lie in the page: no binary, buffer or string object per row (parquet-mr's
 * value reader made three), a string only for a clip a feed keeps.
 */
final class PlainKeyPages extends PlainPages {
  private byte[] scratch = new byte[256];

  PlainKeyPages(PageReader pages, ColumnDescriptor column) {
    super(pages, column);
  }

  /**
   * Offers the chunk's next rows {@code [0, last)} to {@code feeds} with {@code scores[row]};
   * returns the key of row {@code last} when {@code last < rows} (the row the model could not
   * score), else null.
   */
  String addToFeeds(float[] scores, int rows, int last, FeedRanks feeds) {
    int row = 0;
    while (row < rows) {
      nextPage();
      byte[] array = data.hasArray() ? data.array() : null;
      int base = array != null ? data.arrayOffset() + data.position() : 0;
      long offset = 0;
      for (int i = 0; i < count && row < rows; i++, row++) {
        if (!present[i]) {
          throw new UserException(
              "a row of the table has no key; every row of a scored table needs one");
        }
        int length = values.get(LENGTH, offset);
        long at = offset + Integer.BYTES;
        offset = at + length;
        byte[] bytes = array;
        int from = base + (int) at;
        if (bytes == null) {
          if (scratch.length < length) {
            scratch = new byte[Math.max(length, 2 * scratch.length)];
          }
          MemorySegment.copy(values, ValueLayout.JAVA_BYTE, at, scratch, 0, length);
          bytes = scratch;
          from = 0;
        }
        if (row == last) {
          return new String(bytes, from, length, StandardCharsets.UTF_8);
        }
        feeds.add(bytes, from, length, scores[row]);
      }
    }
    return null;
  }
}

package org.videoannotator.spark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParquetSliceTest {
  private static final long MB = 1L << 20;

  /** Spark's plan for files of {@code sizes} MB, in 128 MB splits, one split per partition. */
  private static List<List<ParquetSlice>> planned(long... sizes) {
    List<List<ParquetSlice>> out = new ArrayList<>();
    for (int f = 0; f < sizes.length; f++) {
      for (long start = 0; start < sizes[f] * MB; start += 128 * MB) {
        long length = Math.min(128 * MB, sizes[f] * MB - start);
        out.add(List.of(new ParquetSlice("file:/t/part-" + f + ".parquet", start, length)));
      }
    }
    return out;
  }

  private static ParquetSlice whole(int file, long mb) {
    return new ParquetSlice("file:/t/part-" + file + ".parquet", 0, mb * MB);
  }

  @Test
  void packsSplitsIntoPartitionsOfAtMostAGigabyteAndJoinsContiguousRangesOfAFile() {
    // Four 1,000 MB files on 2 cores: Spark's 32 splits become 4 partitions, a file each.
    assertEquals(
        List.of(
            List.of(whole(0, 1000)),
            List.of(whole(1, 1000)),
            List.of(whole(2, 1000)),
            List.of(whole(3, 1000))),
        ParquetSlice.packed(planned(1000, 1000, 1000, 1000), 2));
    // Four 300 MB files on 2 cores: an equal share per core (600 MB) bounds a partition.
    assertEquals(
        List.of(List.of(whole(0, 300), whole(1, 300)), List.of(whole(2, 300), whole(3, 300))),
        ParquetSlice.packed(planned(300, 300, 300, 300), 2));
  }

  @Test
  void keepsEveryCoreBusyOnASmallTable() {
    // 512 MB on 8 cores: an equal share is 64 MB, below every split, so nothing is packed.
    List<List<ParquetSlice>> planned = planned(100, 100, 100, 100, 100, 12);
    assertEquals(planned, ParquetSlice.packed(planned, 8));
  }
}

package org.videoannotator.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.index.Clip;
import org.videoannotator.index.store.ClipFilter;
import org.videoannotator.index.store.IndexedClip;
import org.videoannotator.index.store.RowScore;

/** The corpus's word search: BM25 over stemmed text, filters inside, the row lifecycle. */
class LuceneTextIndexTest {
  private static final int ROWS = 2_000;

  @TempDir Path dir;

  private static Clip clip(int row) {
    String video = "video" + (row % 9);
    String text = row % 100 == 0 ? "a heron running along the shore" : "plain shot number " + row;
    return new Clip(
        "k" + row, video, "", "title " + video, row, row + 1.5, -1, -1, 0, -1, text, Map.of());
  }

  private LuceneTextIndex filled(int rows) {
    LuceneTextIndex index = LuceneTextIndex.open(dir);
    index.beginWriting();
    index.add(
        IntStream.range(0, rows).mapToObj(r -> new IndexedClip(r, clip(r), new float[0])).toList());
    index.commit(rows);
    return index;
  }

  @Test
  void wordsMatchStemmedTextAndStopWordsAloneMatchNothing() {
    try (LuceneTextIndex index = filled(ROWS)) {
      List<RowScore> herons =
          index.matchWords("herons run", 50, ClipFilter.NONE, ROWS).orElseThrow();
      assertEquals(
          IntStream.range(0, ROWS / 100).map(i -> i * 100).boxed().collect(Collectors.toSet()),
          herons.stream().map(RowScore::row).collect(Collectors.toSet()));
      List<RowScore> filtered =
          index
              .matchWords("heron", 50, new ClipFilter(Set.of("video1"), Set.of(), Set.of()), ROWS)
              .orElseThrow();
      assertTrue(filtered.stream().allMatch(h -> clip(h.row()).video().equals("video1")));
      assertFalse(filtered.isEmpty());
      assertTrue(index.matchWords("the of and", 10, ClipFilter.NONE, ROWS).isEmpty());
      assertTrue(
          index.matchWords("heron", 50, ClipFilter.NONE, 150).orElseThrow().stream()
              .allMatch(h -> h.row() < 150),
          "rows past the limit are never returned");
    }
  }

  @Test
  void rowsOfVideosAreListedAndDeletedRowsNeverComeBack() {
    try (LuceneTextIndex index = filled(500)) {
      assertEquals(
          IntStream.range(0, 500).filter(r -> r % 9 == 2).boxed().collect(Collectors.toSet()),
          index.rowsOfVideos(Set.of("video2"), 500).stream().boxed().collect(Collectors.toSet()));
      index.deleteRowsFrom(400);
      assertEquals(400, index.committedRows());
      index.add(List.of(new IndexedClip(400, clip(0), new float[0])));
      index.discardUncommitted();
      assertTrue(
          index.matchWords("heron", 50, ClipFilter.NONE, 10_000).orElseThrow().stream()
              .allMatch(h -> h.row() < 400));
    }
    try (LuceneTextIndex reopened = LuceneTextIndex.open(dir)) {
      assertEquals(400, reopened.committedRows(), "commits survive reopening");
    }
  }
}

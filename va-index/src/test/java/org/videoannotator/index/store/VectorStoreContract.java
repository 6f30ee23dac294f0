package org.videoannotator.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.index.Clip;
import org.videoannotator.index.ClusteredVectors;

/**
 * What every {@link VectorStore} must do, checked on seeded data. A store's test extends this
 * (va-index publishes it in its test-jar) and says how to open the store; the corpus's own tests
 * then hold for the store too.
 */
public abstract class VectorStoreContract {
  protected static final int DIM = 32;
  private static final int ROWS = 2_000;
  private static final float[][] VECTORS = new ClusteredVectors(DIM, 20, 0.6, 7, 8).next(ROWS + 50);

  @TempDir protected Path dir;

  /** Opens (creating when absent) the store under test for a corpus in {@code corpusDir}. */
  protected abstract VectorStore open(Path corpusDir, int dimension);

  /** Extra time a store needs before a commit is visible to searches (0 for Lucene). */
  protected void awaitVisible(VectorStore index) {}

  protected static Clip clip(int row) {
    String video = "video" + (row % 9);
    String text = row % 100 == 0 ? "a heron running along the shore" : "plain shot number " + row;
    return new Clip(
        "k" + row, video, "", "title " + video, row, row + 1.5, -1, -1, 0, -1, text, Map.of());
  }

  protected static List<IndexedClip> rows(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(r -> new IndexedClip(r, clip(r), VECTORS[r]))
        .toList();
  }

  private VectorStore filled(int rows) {
    VectorStore index = open(dir, DIM);
    index.beginWriting();
    for (int from = 0; from < rows; from += 500) {
      index.add(rows(from, Math.min(rows, from + 500)));
    }
    index.commit(rows);
    awaitVisible(index);
    return index;
  }

  private static List<Integer> exact(float[] q, int k, int limit, ClipFilter filter) {
    return IntStream.range(0, limit)
        .boxed()
        .filter(r -> filter.accepts(clip(r).video(), clip(r).key()))
        .sorted(
            Comparator.comparingDouble((Integer r) -> -dot(VECTORS[r], q)).thenComparing(r -> r))
        .limit(k)
        .toList();
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void aNewStoreIsEmptyAndCountsItsCommits() {
    try (VectorStore index = open(dir, DIM)) {
      index.beginWriting();
      index.commit(0);
      assertEquals(0, index.committedRows());
      index.add(rows(0, 10));
      index.commit(10);
      awaitVisible(index);
      assertEquals(10, index.committedRows());
      assertEquals(10, index.stats().rows());
      assertEquals(DIM, index.stats().dimension());
    }
  }

  @Test
  void nearestFindsTheExactNeighboursOfSeededClusters() {
    try (VectorStore index = filled(ROWS)) {
      int found = 0;
      int wanted = 0;
      for (int q = 0; q < 20; q++) {
        float[] query = VECTORS[ROWS + q];
        Set<Integer> truth = new HashSet<>(exact(query, 10, ROWS, ClipFilter.NONE));
        for (RowScore hit : index.nearest(query, 100, ClipFilter.NONE, ROWS)) {
          if (truth.contains(hit.row())) {
            found++;
          }
        }
        wanted += truth.size();
      }
      assertTrue(found >= 0.95 * wanted, "recall@10 of 100 candidates " + (double) found / wanted);
    }
  }

  @Test
  void filtersApplyInsideTheSearch() {
    try (VectorStore index = filled(ROWS)) {
      float[] query = VECTORS[ROWS];
      Set<String> include = new HashSet<>();
      for (int r = 3; r < ROWS; r += 150) {
        include.add("k" + r);
      }
      ClipFilter only = new ClipFilter(Set.of(), include, Set.of("k3"));
      List<RowScore> hits = index.nearest(query, 50, only, ROWS);
      assertEquals(
          include.size() - 1,
          hits.size(),
          "a selective filter still returns every row that passes");
      ClipFilter videos = new ClipFilter(Set.of("video2", "video5"), Set.of(), Set.of());
      List<RowScore> byVideo = index.nearest(query, 30, videos, ROWS);
      assertEquals(30, byVideo.size());
      for (RowScore hit : byVideo) {
        assertTrue(
            videos.accepts(clip(hit.row()).video(), clip(hit.row()).key()), "row " + hit.row());
      }
      List<RowScore> limited = index.nearest(query, 30, ClipFilter.NONE, 100);
      assertTrue(
          limited.stream().allMatch(h -> h.row() < 100), "rows past the limit are never returned");
    }
  }

  @Test
  void deletedAndDiscardedRowsNeverComeBack() {
    try (VectorStore index = filled(500)) {
      index.deleteRowsFrom(400);
      awaitVisible(index);
      assertEquals(400, index.committedRows());
      index.add(rows(400, 450));
      index.discardUncommitted();
      index.beginWriting();
      index.add(
          rows(450, 460).stream()
              .map(c -> new IndexedClip(c.row() - 50, c.clip(), c.vector()))
              .toList());
      index.commit(410);
      awaitVisible(index);
      List<Integer> all = new ArrayList<>();
      for (int q = 0; q < 5; q++) {
        index
            .nearest(VECTORS[ROWS + q], 200, ClipFilter.NONE, 10_000)
            .forEach(h -> all.add(h.row()));
      }
      assertTrue(
          all.stream().allMatch(r -> r < 410), "rows >= 410 were deleted or discarded: " + all);
    }
    try (VectorStore reopened = open(dir, DIM)) {
      assertEquals(410, reopened.committedRows(), "commits survive reopening");
    }
  }
}

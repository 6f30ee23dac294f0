package org.videoannotator.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;
import org.videoannotator.core.io.FileTrees;
import org.videoannotator.core.vectors.VectorMath;
import org.videoannotator.index.store.ClipFilter;
import org.videoannotator.index.store.IndexStats;
import org.videoannotator.index.store.IndexedClip;
import org.videoannotator.index.store.RowScore;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.index.store.StoreUnavailableException;
import org.videoannotator.index.store.VectorStore;
import org.videoannotator.index.store.VectorStoreProvider;

/**
 * A store that only finds nearest vectors (as jvector or pgvector would) is a whole store: the
 * corpus serves word search, filters by video and hybrid fusion from its own text index.
 */
class AnnOnlyStoreTest {
  static final String KIND = "ann-only-test";

  @TempDir Path tmp;

  @Test
  void anAnnOnlyStoreNeedsNoTextSearchOfItsOwn() {
    Path dir = tmp.resolve("c");
    CorpusOptions options =
        CorpusOptions.create(TestData.EMBEDDER, 3).withStore(new StoreSpec(KIND, Map.of()));
    try (Corpus c = Corpus.open(dir, options)) {
      c.append(
          List.of(
              clip("a", "v1", "a heron running along the shore", new float[] {1, 0, 0}),
              clip("b", "v1", "two dogs play in the park", new float[] {0.9f, 0.1f, 0}),
              clip("c", "v2", "herons at dawn", new float[] {0, 1, 0}),
              clip("d", "v3", "a quiet kitchen", new float[] {0, 0, 1})));
    }
    try (Corpus c = Corpus.open(dir, CorpusOptions.existing())) {
      assertEquals(KIND, c.storeStats().kind());
      SearchResult words = c.search(SearchRequest.builder().words("heron runs").k(10).build());
      assertEquals(
          List.of("a", "c"), SearchTest.keys(words), "stemmed word search from the text index");
      assertEquals("lucene-bm25", words.engine());
      SearchResult near =
          c.search(
              SearchRequest.builder()
                  .vector(new float[] {1, 0.05f, 0})
                  .k(2)
                  .engine(VectorEngine.GRAPH)
                  .build());
      assertEquals(List.of("a", "b"), SearchTest.keys(near));
      assertEquals(KIND + "-graph+exact", near.engine());
      SearchResult inVideo =
          c.search(
              SearchRequest.builder()
                  .vector(new float[] {1, 0, 0})
                  .videos(List.of("v2", "v3"))
                  .k(5)
                  .build());
      assertEquals(
          List.of("c", "d"),
          inVideo.hits().stream().map(SearchHit::key).sorted().toList(),
          "the scan filters by video with the text index's rows, whatever the store");
      SearchResult hybrid =
          c.search(
              SearchRequest.builder()
                  .vector(new float[] {0, 1, 0})
                  .words("heron")
                  .k(3)
                  .engine(VectorEngine.GRAPH)
                  .build());
      assertEquals("hybrid", hybrid.mode());
      assertEquals("c", hybrid.hits().getFirst().key(), "found by both rankings");
    }
  }

  @Test
  void aCorpusOpensAndSearchesWordsWhileItsStoreIsOutOfReach() {
    Path dir = tmp.resolve("down");
    try (Corpus c =
        Corpus.open(
            dir,
            CorpusOptions.create(TestData.EMBEDDER, 3).withStore(new StoreSpec(KIND, Map.of())))) {
      c.append(
          List.of(
              clip("a", "v1", "a heron on the shore", new float[] {1, 0, 0}),
              clip("b", "v2", "a quiet kitchen", new float[] {0, 1, 0})));
    }
    // A corpus written before the text index existed, whose store (kept elsewhere) is down.
    FileTrees.deleteTree(CorpusLayout.of(dir).textIndex());
    Provider.DOWN.add(dir.toAbsolutePath());
    try (Corpus c = Corpus.open(dir, CorpusOptions.existing())) {
      assertEquals(
          List.of("a"), SearchTest.keys(c.search(SearchRequest.builder().words("herons").build())));
      assertThrows(
          StoreUnavailableException.class,
          () ->
              c.search(
                  SearchRequest.builder()
                      .vector(new float[] {1, 0, 0})
                      .engine(VectorEngine.GRAPH)
                      .build()));
      assertEquals(
          List.of("a"),
          SearchTest.keys(
              c.search(SearchRequest.builder().vector(new float[] {1, 0, 0}).k(1).build())),
          "the scan needs no store");
    } finally {
      Provider.DOWN.remove(dir.toAbsolutePath());
    }
  }

  @Test
  void aStoreParsesItsOwnSettings() {
    CorpusOptions options =
        CorpusOptions.create(TestData.EMBEDDER, 3)
            .withStore(new StoreSpec(KIND, Map.of("m", "16")));
    UserException e =
        assertThrows(UserException.class, () -> Corpus.open(tmp.resolve("bad"), options));
    assertTrue(e.getMessage().contains("has no setting 'm'"), e.getMessage());
  }

  private static ClipVector clip(String key, String video, String text, float[] v) {
    return new ClipVector(new Clip(key, video, "", "", 0, 1, -1, -1, 0, -1, text, Map.of()), v);
  }

  /** Finds the store of a corpus folder; rows outlive a store instance, as a database's would. */
  public static final class Provider implements VectorStoreProvider {
    private static final Map<Path, List<IndexedClip>> COMMITTED = new ConcurrentHashMap<>();

    /** Corpora whose store is out of reach, as a database that is down. */
    static final Set<Path> DOWN = ConcurrentHashMap.newKeySet();

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public int maxDimensions() {
      return 4096;
    }

    @Override
    public void validate(StoreSpec spec) {
      for (String key : spec.params().keySet()) {
        throw new UserException("the " + KIND + " store has no setting '" + key + "'");
      }
    }

    @Override
    public VectorStore open(Path corpusDir, StoreSpec spec, int dimension) {
      validate(spec);
      Path key = corpusDir.toAbsolutePath();
      return new ExactStore(
          COMMITTED.computeIfAbsent(key, d -> new ArrayList<>()),
          dimension,
          () -> DOWN.contains(key));
    }
  }

  /** Nearest neighbours by a full scan, and the write lifecycle: nothing else. */
  private static final class ExactStore implements VectorStore {
    private final List<IndexedClip> committed;
    private final List<IndexedClip> pending = new ArrayList<>();
    private final int dimension;
    private final BooleanSupplier down;
    private long rows = -1;

    ExactStore(List<IndexedClip> committed, int dimension, BooleanSupplier down) {
      this.committed = committed;
      this.dimension = dimension;
      this.down = down;
      this.rows = committed.isEmpty() ? -1 : committed.size();
    }

    private void reachable() {
      if (down.getAsBoolean()) {
        throw new StoreUnavailableException(
            "the " + KIND + " store is down", "start it again", null);
      }
    }

    @Override
    public boolean rebuildsSilently() {
      return false;
    }

    @Override
    public void beginWriting() {}

    @Override
    public void add(List<IndexedClip> clips) {
      pending.addAll(clips);
    }

    @Override
    public synchronized void commit(long rowCount) {
      committed.addAll(pending);
      pending.clear();
      rows = rowCount;
    }

    @Override
    public long committedRows() {
      reachable();
      return rows;
    }

    @Override
    public synchronized void deleteRowsFrom(long rowCount) {
      committed.removeIf(c -> c.row() >= rowCount);
      rows = rowCount;
    }

    @Override
    public void discardUncommitted() {
      pending.clear();
    }

    @Override
    public void optimize(long rowCount) {}

    @Override
    public synchronized List<RowScore> nearest(
        float[] query, int n, ClipFilter filter, int rowLimit) {
      reachable();
      return committed.stream()
          .filter(c -> c.row() < rowLimit && filter.accepts(c.clip().video(), c.clip().key()))
          .map(c -> new RowScore(c.row(), (float) VectorMath.dot(c.vector(), query)))
          .sorted(Comparator.comparingDouble((RowScore r) -> -r.score()))
          .limit(n)
          .toList();
    }

    @Override
    public IndexStats stats() {
      return new IndexStats(KIND, Math.max(0, rows), dimension, "dot_product", 1, -1, Map.of());
    }

    @Override
    public void close() {}
  }
}

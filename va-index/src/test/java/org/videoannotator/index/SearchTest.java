package org.videoannotator.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.VectorMath;

/** Searches over one seeded clustered corpus of 3,000 clips, built once. */
class SearchTest {
  static final int N = 3000;
  static final int DIM = 32;
  @TempDir static Path tmp;
  static Corpus corpus;
  static float[][] vectors;

  @BeforeAll
  static void build() {
    vectors = TestData.clustered(N, DIM, 30, 0.35, 7);
    corpus = Corpus.open(tmp.resolve("c"), CorpusOptions.create(TestData.EMBEDDER, DIM));
    for (int start = 0; start < N; start += 1000) {
      corpus.append(TestData.batch(vectors, start, start + 1000));
    }
  }

  @AfterAll
  static void close() {
    corpus.close();
  }

  @Test
  void vectorSearchRecallAt10AgainstExactIsAtLeast95Percent() {
    // 200 queries from the same clusters (same seed, drawn after the corpus rows), not in it.
    float[][] queries = TestData.clustered(N + 200, DIM, 30, 0.35, 7);
    float[][] held = new float[200][];
    System.arraycopy(queries, N, held, 0, 200);
    int[][] exact = ExactSearch.topK(corpus.vectors().matrix(), held, 10);
    int found = 0;
    for (int q = 0; q < held.length; q++) {
      Set<String> truth = new HashSet<>();
      for (int row : exact[q]) {
        truth.add("k" + row);
      }
      for (SearchHit hit :
          corpus.search(SearchRequest.builder().vector(held[q]).k(10).build()).hits()) {
        found += truth.contains(hit.key()) ? 1 : 0;
      }
    }
    double recall = found / (10.0 * held.length);
    // HNSW with 100 candidates on 3k points misses almost nothing; 0.95 leaves room for seeds.
    assertTrue(recall >= 0.95, "recall@10 = " + recall);
  }

  @Test
  void scoresAreExactCosinesBestFirst() {
    SearchResult r = corpus.search(SearchRequest.builder().like("k5").k(20).build());
    assertEquals("vector", r.mode());
    assertEquals("k5", r.hits().get(0).key(), "a clip is its own nearest neighbour");
    assertEquals(1.0f, r.hits().get(0).score(), 1e-5f);
    float previous = Float.MAX_VALUE;
    for (SearchHit hit : r.hits()) {
      float exact = (float) VectorMath.dot(corpus.vector(hit.key()), corpus.vector("k5"));
      assertEquals(exact, hit.score(), 1e-5f);
      assertTrue(hit.score() <= previous);
      previous = hit.score();
      assertEquals(hit.key(), hit.clip().key());
    }
  }

  @Test
  void minScoreDropsWeakVectorHits() {
    List<SearchHit> all = corpus.search(SearchRequest.builder().like("k11").k(40).build()).hits();
    float cut = all.get(19).score();
    List<SearchHit> strong =
        corpus.search(SearchRequest.builder().like("k11").k(40).minScore(cut).build()).hits();
    assertTrue(
        strong.size() >= 20 && strong.size() < 40,
        "hits at or above " + cut + ": " + strong.size());
    strong.forEach(h -> assertTrue(h.score() >= cut, h.toString()));
  }

  @Test
  void pagingContinuesTheSameRanking() {
    List<SearchHit> all = corpus.search(SearchRequest.builder().like("k9").k(30).build()).hits();
    List<SearchHit> page2 =
        corpus.search(SearchRequest.builder().like("k9").k(10).offset(10).build()).hits();
    assertEquals(
        all.subList(10, 20).stream().map(SearchHit::key).toList(),
        page2.stream().map(SearchHit::key).toList());
  }

  @Test
  void filtersAreAppliedInsideTheSearch() {
    Set<String> exclude = new HashSet<>();
    for (SearchHit hit : corpus.search(SearchRequest.builder().like("k1").k(50).build()).hits()) {
      exclude.add(hit.key());
    }
    SearchResult r =
        corpus.search(
            SearchRequest.builder()
                .like("k1")
                .k(40)
                .videos(List.of("video3", "video5"))
                .excludeKeys(exclude)
                .build());
    // Every hit passes, and a full page is still found: the filter is not a post-filter.
    assertEquals(40, r.hits().size());
    for (SearchHit hit : r.hits()) {
      assertTrue(Set.of("video3", "video5").contains(hit.clip().video()), hit.toString());
      assertTrue(!exclude.contains(hit.key()), hit.toString());
    }
    List<String> include = List.of("k10", "k20", "k2999");
    List<String> keys =
        corpus
            .search(SearchRequest.builder().like("k1").k(10).includeKeys(include).build())
            .hits()
            .stream()
            .map(SearchHit::key)
            .toList();
    assertEquals(Set.copyOf(include), Set.copyOf(keys));
  }

  @Test
  void namedQueryAndCentroidSearch() {
    corpus.putNamedQueries(Map.of("q", vectors[42]));
    assertEquals(
        "k42",
        corpus.search(SearchRequest.builder().namedQuery("q").k(1).build()).hits().get(0).key());
    UserException e =
        assertThrows(
            UserException.class,
            () -> corpus.search(SearchRequest.builder().namedQuery("missing").build()));
    assertTrue(
        e.getMessage().contains("no named query 'missing'") && e.getMessage().contains("q"),
        e.getMessage());
    // The centroid of two copies of one direction is that direction.
    List<SearchHit> hits =
        corpus.search(SearchRequest.builder().like("k3", "k3").k(1).build()).hits();
    assertEquals("k3", hits.get(0).key());
    assertThrows(
        UserException.class, () -> corpus.search(SearchRequest.builder().like("absent").build()));
  }

  @Test
  void textQueryGoesThroughTheEncoderOrFallsBackToWords() {
    TextEncoder encoder =
        new TextEncoder() {
          @Override
          public String id() {
            return TestData.EMBEDDER.id();
          }

          @Override
          public float[] encode(String text) {
            return vectors[Integer.parseInt(text)];
          }
        };
    assertEquals(
        "k77",
        corpus
            .search(SearchRequest.builder().text("77", encoder).k(1).build())
            .hits()
            .get(0)
            .key());
    SearchResult fallback =
        corpus.search(SearchRequest.builder().text("number 77", null).k(3).build());
    assertEquals("words", fallback.mode());
    assertTrue(fallback.notes().get(0).contains("'test-embedder'"), fallback.notes().toString());
    assertEquals("k77", fallback.hits().get(0).key());
    TextEncoder wrong =
        new TextEncoder() {
          @Override
          public String id() {
            return "other";
          }

          @Override
          public float[] encode(String text) {
            return vectors[0];
          }
        };
    assertThrows(
        UserException.class, () -> corpus.search(SearchRequest.builder().text("x", wrong).build()));
  }

  @Test
  void emptyCorpusSearchesReturnNothing(@TempDir Path dir) {
    try (Corpus empty =
        Corpus.open(dir.resolve("e"), CorpusOptions.create(TestData.EMBEDDER, DIM))) {
      assertEquals(
          List.of(), empty.search(SearchRequest.builder().vector(vectors[0]).build()).hits());
    }
  }

  static List<String> keys(SearchResult r) {
    List<String> out = new ArrayList<>();
    r.hits().forEach(h -> out.add(h.key()));
    return out;
  }
}

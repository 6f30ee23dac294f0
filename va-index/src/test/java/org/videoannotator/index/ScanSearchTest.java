package org.videoannotator.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.index.store.StoreSpec;

/**
 * The int8 scan with exact re-scoring against brute-force cosine: text queries across a modality
 * gap (far from every clip) and the clips themselves are found as exact search finds them, with
 * filters applied inside the scan, on a store with a graph and on one without.
 */
class ScanSearchTest {
  private static final int ROWS = 6_000;
  private static final int DIM = 64;
  @TempDir static Path temp;
  private static Corpus corpus;
  private static Corpus graphless;

  @BeforeAll
  static void build() {
    float[][] vectors = TestData.clustered(ROWS, DIM, 30, 1.0, 3);
    corpus = Corpus.open(temp.resolve("c"), CorpusOptions.create(TestData.EMBEDDER, DIM));
    corpus.append(TestData.batch(vectors, 0, ROWS / 2));
    corpus.append(TestData.batch(vectors, ROWS / 2, ROWS)); // the scan's copy grows with the corpus
    graphless =
        Corpus.open(
            temp.resolve("g"),
            CorpusOptions.create(TestData.EMBEDDER, DIM)
                .withStore(new StoreSpec("lucene", Map.of("graph", "none"))));
    graphless.append(TestData.batch(vectors, 0, ROWS));
  }

  @AfterAll
  static void close() {
    corpus.close();
    graphless.close();
  }

  private static double recall(Corpus c, float[] query, int k, int[] exact, VectorEngine engine) {
    SearchResult result =
        c.search(SearchRequest.builder().vector(query).k(k).engine(engine).build());
    Set<Integer> truth = new HashSet<>();
    for (int i = 0; i < k; i++) {
      truth.add(exact[i]);
    }
    return result.hits().stream().filter(h -> truth.contains(c.rowOf(h.key()))).count()
        / (double) k;
  }

  @Test
  void textQueriesAcrossTheModalityGapAreFoundAsExactSearchFindsThem() {
    FloatMatrix matrix = corpus.vectors().matrix();
    BenchQueries text = BenchQueries.textGap(matrix, 40, 9);
    int[][] exact = ExactSearch.topK(matrix, text.queries(), 100);
    double best = ExactSearch.dot(matrix, exact[0][0], text.queries()[0]);
    assertTrue(best < 0.5, "a text query lies far from every clip (best cosine " + best + ")");
    for (int q = 0; q < text.size(); q++) {
      for (Corpus c : List.of(corpus, graphless)) {
        double r = recall(c, text.queries()[q], 100, exact[q], VectorEngine.AUTO);
        assertTrue(r >= 0.98, "recall@100 of text query " + q + " is " + r);
      }
    }
    SearchResult result =
        corpus.search(SearchRequest.builder().vector(text.queries()[0]).k(10).build());
    assertEquals("int8-scan+exact", result.engine());
    assertEquals(
        ExactSearch.dot(matrix, exact[0][0], text.queries()[0]),
        result.hits().getFirst().score(),
        1e-6,
        "scores are exact cosines");
  }

  @Test
  void everyClipFindsItselfFirstAndItsNeighbours() {
    FloatMatrix matrix = corpus.vectors().matrix();
    BenchQueries self = BenchQueries.ofRows(matrix, 1_000, 5);
    int[][] exact = ExactSearch.topK(matrix, self.queries(), 100);
    double sum = 0;
    for (int q = 0; q < self.size(); q++) {
      SearchResult result =
          corpus.search(SearchRequest.builder().vector(self.queries()[q]).k(100).build());
      assertEquals(
          self.selfRows()[q],
          corpus.rowOf(result.hits().getFirst().key()),
          "row " + self.selfRows()[q] + " first");
      sum += recall(corpus, self.queries()[q], 100, exact[q], VectorEngine.SCAN);
    }
    assertTrue(sum / self.size() >= 0.99, "mean recall@100 " + sum / self.size());
  }

  @Test
  void filtersApplyInsideTheScan() {
    float[] query = corpus.vectors().matrix().row(17);
    Set<String> excluded = new HashSet<>();
    corpus
        .search(SearchRequest.builder().vector(query).k(20).build())
        .hits()
        .forEach(h -> excluded.add(h.key()));
    for (Corpus c : List.of(corpus, graphless)) {
      SearchResult without =
          c.search(SearchRequest.builder().vector(query).excludeKeys(excluded).k(20).build());
      assertEquals(20, without.hits().size());
      assertTrue(without.hits().stream().noneMatch(h -> excluded.contains(h.key())));
      SearchResult onlyVideo =
          c.search(SearchRequest.builder().vector(query).videos(List.of("video3")).k(20).build());
      assertEquals(20, onlyVideo.hits().size());
      assertTrue(onlyVideo.hits().stream().allMatch(h -> h.clip().video().equals("video3")));
      assertEquals(
          "int8-scan+exact",
          onlyVideo.engine(),
          "the lucene store lists a video's rows for the scan");
      SearchResult only =
          c.search(
              SearchRequest.builder()
                  .vector(query)
                  .includeKeys(List.of("k5", "k6", "k7"))
                  .k(20)
                  .build());
      assertEquals(
          Set.of("k5", "k6", "k7"), Set.copyOf(only.hits().stream().map(SearchHit::key).toList()));
    }
    SearchResult graph =
        corpus.search(
            SearchRequest.builder().vector(query).k(5).engine(VectorEngine.GRAPH).build());
    assertEquals("lucene-graph+exact", graph.engine());
    SearchResult forced =
        graphless.search(
            SearchRequest.builder().vector(query).k(5).engine(VectorEngine.GRAPH).build());
    assertEquals("int8-scan+exact", forced.engine(), "a store without a graph is always scanned");
  }
}

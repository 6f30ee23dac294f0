package org.videoannotator.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FullTextTest {
  @TempDir Path tmp;

  private static ClipVector clip(String key, String video, String title, String text, float[] v) {
    return new ClipVector(new Clip(key, video, "", title, 0, 1, 0, 23, 24, -1, text, Map.of()), v);
  }

  private Corpus corpus() {
    Corpus c = Corpus.open(tmp.resolve("c"), CorpusOptions.create(TestData.EMBEDDER, 3));
    c.append(
        List.of(
            clip(
                "a",
                "v1",
                "City lights",
                "a man running across the rooftops of tall buildings",
                new float[] {1, 0, 0}),
            clip("b", "v1", "", "two dogs play in the park", new float[] {0.9f, 0.1f, 0}),
            clip("c", "v2", "Runners", "marathon at dawn", new float[] {0, 1, 0}),
            clip("d", "v2", "", "wide shot of a building at night", new float[] {0, 0.9f, 0.1f}),
            clip("e", "v3", "", "a quiet kitchen", new float[] {0, 0, 1})));
    return c;
  }

  @Test
  void wordsMatchStemmedFormsInTextAndTitle() {
    try (Corpus c = corpus()) {
      SearchResult r = c.search(SearchRequest.builder().words("runs").k(10).build());
      assertEquals("words", r.mode());
      // "runs" and "running" both stem to "run"; "Runners" stems to "runner", a different term.
      assertEquals(List.of("a"), SearchTest.keys(r));
      assertEquals(
          List.of("d", "a"),
          SearchTest.keys(c.search(SearchRequest.builder().words("building").k(10).build())),
          "'building' matches 'building' and 'buildings'; the shorter document ranks first");
      assertEquals(
          List.of("b"), SearchTest.keys(c.search(SearchRequest.builder().words("dog").build())));
      assertEquals(
          List.of("c"),
          SearchTest.keys(c.search(SearchRequest.builder().words("runners").build())),
          "title is searched");
      assertEquals(
          List.of(), SearchTest.keys(c.search(SearchRequest.builder().words("giraffe").build())));
      SearchResult stop = c.search(SearchRequest.builder().words("the of").build());
      assertEquals(List.of(), stop.hits());
      assertTrue(stop.notes().get(0).contains("no searchable terms"));
    }
  }

  @Test
  void wordSearchHonoursFilters() {
    try (Corpus c = corpus()) {
      assertEquals(
          List.of("d"),
          SearchTest.keys(
              c.search(SearchRequest.builder().words("building").videos(List.of("v2")).build())));
      assertEquals(
          List.of("d"),
          SearchTest.keys(
              c.search(
                  SearchRequest.builder().words("building").excludeKeys(List.of("a")).build())));
    }
  }

  @Test
  void hybridFusesVectorAndWordRankings() {
    try (Corpus c = corpus()) {
      // Vector alone ranks a, b first; words alone find only d and a. Fused, 'a' (found by both)
      // wins.
      SearchResult r =
          c.search(
              SearchRequest.builder()
                  .vector(new float[] {1, 0.05f, 0})
                  .words("building")
                  .k(5)
                  .build());
      assertEquals("hybrid", r.mode());
      List<String> keys = SearchTest.keys(r);
      assertEquals("a", keys.get(0));
      assertTrue(
          keys.indexOf("d") < keys.indexOf("c"),
          "a words-only hit outranks a weak vector-only hit: " + keys);
      float expectedTop = 1f / 61 + 1f / 62; // rank 1 by vector, rank 2 by words
      assertEquals(expectedTop, r.hits().get(0).score(), 1e-6f);
      assertEquals(5, keys.size());
    }
  }
}

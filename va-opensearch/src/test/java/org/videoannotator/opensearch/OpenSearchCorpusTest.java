package org.videoannotator.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;
import org.videoannotator.datasets.SyntheticVaGenerator;
import org.videoannotator.datasets.VaDataset;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.SearchHit;
import org.videoannotator.index.SearchRequest;
import org.videoannotator.index.SearchResult;
import org.videoannotator.index.VaImport;
import org.videoannotator.index.VectorEngine;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.server.ServerRuntime;
import org.videoannotator.testkit.JsonHttp;

/**
 * A corpus imported from released-layout data into both stores, searched the same way through the
 * corpus: the opensearch store must find what the local Lucene store finds (vector, words, hybrid,
 * with filters), and say clearly when the cluster is unreachable or its index does not fit the
 * corpus.
 */
@Tag("opensearch")
class OpenSearchCorpusTest {
  @TempDir static Path temp;
  private static Corpus local;
  private static Corpus remote;

  private static StoreSpec store(String index) {
    return new StoreSpec("opensearch", Map.of("url", OpenSearchNode.url(), "index", index));
  }

  @BeforeAll
  static void importBoth() {
    Path data = temp.resolve("data");
    new SyntheticVaGenerator(
            new SyntheticVaGenerator.Config(
                3, 2_000, 32, SyntheticVaGenerator.Config.defaultLabels(3)))
        .generate(data);
    VaDataset dataset = VaDataset.open(data);
    new OpenSearchHttp(OpenSearchNode.url(), null, null)
        .delete("/va-test-corpus"); // left by an aborted run
    VaImport.run(dataset, temp.resolve("local"), 500, true, null);
    VaImport.run(dataset, temp.resolve("remote"), 500, true, store("va-test-corpus"));
    local = Corpus.open(temp.resolve("local"), CorpusOptions.existing());
    remote = Corpus.open(temp.resolve("remote"), CorpusOptions.existing());
  }

  @AfterAll
  static void dropIndex() {
    if (remote != null) {
      remote.destroyStore();
    }
    if (local != null) {
      local.close();
    }
  }

  private static Set<String> keys(SearchResult r) {
    Set<String> out = new HashSet<>();
    r.hits().forEach(h -> out.add(h.key()));
    return out;
  }

  @Test
  void vectorSearchFindsWhatTheLocalStoreFindsWithTheSameExactScores() {
    assertEquals(2_000, remote.size());
    assertEquals("opensearch", remote.storeStats().kind());
    SplittableRandom random = new SplittableRandom(4);
    int overlap = 0;
    for (int q = 0; q < 20; q++) {
      float[] query = local.vectors().matrix().row(random.nextInt(local.size()));
      SearchResult a = local.search(SearchRequest.builder().vector(query).k(10).build());
      // The store's own graph (AUTO would scan the corpus's vectors, as for the local store).
      SearchResult b =
          remote.search(
              SearchRequest.builder().vector(query).k(10).engine(VectorEngine.GRAPH).build());
      assertEquals("opensearch-graph+exact", b.engine());
      Set<String> common = keys(a);
      common.retainAll(keys(b));
      overlap += common.size();
      for (SearchHit hit : b.hits()) {
        a.hits().stream()
            .filter(h -> h.key().equals(hit.key()))
            .findFirst()
            .ifPresent(
                h ->
                    assertEquals(
                        h.score(),
                        hit.score(),
                        "exact re-scoring is the corpus's, not the store's"));
      }
    }
    assertTrue(overlap >= 190, "top-10 overlap " + overlap + " of 200");
  }

  @Test
  void wordsHybridAndFiltersWorkInsideTheCluster() {
    String words = local.clipAt(7).text().split(" ")[0];
    // Every match (k above the corpus size): ties in BM25 make any shorter cut arbitrary.
    SearchResult a = local.search(SearchRequest.builder().words(words).k(5000).build());
    SearchResult b = remote.search(SearchRequest.builder().words(words).k(5000).build());
    assertFalse(b.hits().isEmpty());
    assertEquals(
        keys(a),
        keys(b),
        "the same clips match '" + words + "' (the corpus's text index, whatever the store)");
    float[] query = local.vectors().matrix().row(11);
    String video = local.clipAt(11).video();
    SearchResult onlyVideo =
        remote.search(
            SearchRequest.builder()
                .vector(query)
                .videos(List.of(video))
                .k(5)
                .engine(VectorEngine.GRAPH)
                .build());
    assertEquals(
        "opensearch-graph+exact",
        onlyVideo.engine(),
        "the cluster applies a video filter in its own search");
    assertTrue(onlyVideo.hits().stream().allMatch(h -> h.clip().video().equals(video)));
    Set<String> excluded = keys(remote.search(SearchRequest.builder().vector(query).k(5).build()));
    SearchResult without =
        remote.search(
            SearchRequest.builder()
                .vector(query)
                .excludeKeys(excluded)
                .k(5)
                .engine(VectorEngine.GRAPH)
                .build());
    assertEquals(5, without.hits().size(), "excluding keys inside the search still fills the page");
    assertTrue(without.hits().stream().noneMatch(h -> excluded.contains(h.key())));
    SearchResult hybrid =
        remote.search(SearchRequest.builder().vector(query).words(words).k(10).build());
    assertEquals("hybrid", hybrid.mode());
    assertEquals(10, hybrid.hits().size());
  }

  @Test
  void theAnnotationServerServesAnOpenSearchCorpusTheSameWay() throws Exception {
    // Over a copy of the corpus's folder pointed at the same index: the server owns its corpus.
    try (ServerRuntime server =
        ServerRuntime.over(Corpus.open(temp.resolve("remote"), CorpusOptions.existing()), null)) {
      JsonHttp http = new JsonHttp(server.start("127.0.0.1", 0).replaceAll("/$", ""));
      var info = http.get("/api/info").json();
      assertEquals("opensearch", info.get("store").asText());
      assertEquals(2_000, info.get("clips").asInt());
      String words = local.clipAt(7).text().split(" ")[0];
      var found = http.get("/api/search?words=" + words + "&k=5").json();
      assertEquals(5, found.get("hits").size(), found.toString());
      var like =
          http.get(
                  "/api/search?like="
                      + java.net.URLEncoder.encode(
                          local.clipAt(3).key(), java.nio.charset.StandardCharsets.UTF_8)
                      + "&k=3")
              .json();
      assertEquals(3, like.get("hits").size(), like.toString());
    }
  }

  @Test
  void anUnreachableClusterAndAMisfitIndexAreNamed() {
    UserException down =
        assertThrows(
            UserException.class,
            () ->
                Corpus.open(
                    temp.resolve("down"),
                    CorpusOptions.create(local.embedder(), 32)
                        .withStore(
                            new StoreSpec(
                                "opensearch",
                                Map.of("url", "http://127.0.0.1:1", "wait-seconds", "1")))));
    assertTrue(
        down.getMessage().contains("cannot reach OpenSearch at http://127.0.0.1:1"),
        down.getMessage());
    UserException misfit =
        assertThrows(
            UserException.class,
            () ->
                Corpus.open(
                    temp.resolve("misfit"),
                    CorpusOptions.create(local.embedder(), 16).withStore(store("va-test-corpus"))));
    assertTrue(
        misfit.getMessage().contains("dimension 32")
            && misfit.getMessage().contains("dimension 16"),
        misfit.getMessage());
    UserException taken =
        assertThrows(
            UserException.class,
            () ->
                Corpus.open(
                    temp.resolve("taken"),
                    CorpusOptions.create(local.embedder(), 32).withStore(store("va-test-corpus"))));
    assertTrue(taken.getMessage().contains("already holds 2000 clips"), taken.getMessage());
  }
}

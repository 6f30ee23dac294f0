package org.videoannotator.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;
import org.videoannotator.index.Clip;
import org.videoannotator.index.ClipVector;
import org.videoannotator.index.ClusteredVectors;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.index.SearchRequest;
import org.videoannotator.index.SearchResult;
import org.videoannotator.index.StoreMaintenance;
import org.videoannotator.index.VectorEngine;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.index.store.StoreUnavailableException;
import org.videoannotator.server.ServerRuntime;
import org.videoannotator.testkit.JsonHttp;

/**
 * What an operator meets with the opensearch store, against a real node: malformed and unreachable
 * settings answered in one line within seconds, several node URLs with failover, a deleted index
 * reported (to graph searches; words and the scan still served) and rebuilt only by {@code va store
 * reindex}, a failed create leaving nothing behind, and a corpus moved from lucene to opensearch.
 */
@Tag("opensearch")
class OpenSearchOperationsTest {
  private static final EmbedderInfo EMBEDDER = EmbedderInfo.of("ops-test", "1");
  private static final int DIM = 16;
  @TempDir Path temp;

  private static List<ClipVector> clips(int n) {
    float[][] vectors = new ClusteredVectors(DIM, 5, 1.0, 1, 1).next(n);
    List<ClipVector> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new ClipVector(
              new Clip(
                  "c" + i,
                  "v" + i % 3,
                  "",
                  "harbour boat " + i,
                  0,
                  1,
                  -1,
                  -1,
                  0,
                  -1,
                  i % 2 == 0 ? "a red boat" : "a green car",
                  Map.of()),
              vectors[i]));
    }
    return out;
  }

  private static StoreSpec store(String url, String index, String... more) {
    Map<String, String> params = new java.util.HashMap<>(Map.of("url", url, "index", index));
    for (int i = 0; i < more.length; i += 2) {
      params.put(more[i], more[i + 1]);
    }
    return new StoreSpec("opensearch", params);
  }

  private static void deleteIndex(String index) {
    new OpenSearchHttp(OpenSearchNode.url(), null, null).delete("/" + index);
  }

  private static int indexStatus(String index) {
    return new OpenSearchHttp(OpenSearchNode.url(), null, null).get("/" + index).status();
  }

  /** Sets store settings in the corpus's manifest, as an operator editing it would. */
  private static void setStoreParam(Path corpus, String key, String value) throws IOException {
    Path manifest = corpus.resolve("manifest.json");
    var json =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            org.videoannotator.core.Json.mapper().readTree(manifest.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) json.path("store").path("params"))
        .put(key, value);
    org.videoannotator.core.Json.mapper().writeValue(manifest.toFile(), json);
  }

  private static void setUrl(Path corpus, String url) throws IOException {
    setStoreParam(corpus, "url", url);
  }

  @Test
  void malformedUrlsAreOneLineErrorsNamingTheSetting() {
    for (String bad :
        List.of(
            "htp://x:9200",
            "http://",
            "http://host:9200/some/path",
            "127.0.0.1:9200",
            "http://a b:1")) {
      UserException e =
          assertThrows(
              UserException.class,
              () ->
                  Corpus.open(
                      temp.resolve("bad"),
                      CorpusOptions.create(EMBEDDER, DIM).withStore(store(bad, "va-ops-bad"))));
      assertTrue(e.getMessage().contains("url") && !e.getMessage().contains("\n"), e.getMessage());
      assertFalse(Files.exists(temp.resolve("bad")), "nothing made for " + bad);
    }
    UserException badNumber =
        assertThrows(
            UserException.class,
            () ->
                Corpus.open(
                    temp.resolve("bad"),
                    CorpusOptions.create(EMBEDDER, DIM)
                        .withStore(
                            store(
                                OpenSearchNode.url(),
                                "va-ops-bad",
                                "search-wait-seconds",
                                "soon"))));
    assertTrue(badNumber.getMessage().contains("search-wait-seconds=soon"), badNumber.getMessage());
  }

  @Test
  void anUnreachableCreateFailsWithinItsBudgetAndLeavesNothingBehind() {
    long t0 = System.nanoTime();
    StoreUnavailableException e =
        assertThrows(
            StoreUnavailableException.class,
            () ->
                Corpus.open(
                    temp.resolve("new/corpus"),
                    CorpusOptions.create(EMBEDDER, DIM)
                        .withStore(
                            store("http://127.0.0.1:1", "va-ops-down", "wait-seconds", "1"))));
    assertTrue((System.nanoTime() - t0) / 1e9 < 15, "failed within seconds");
    assertTrue(
        e.getMessage().contains("cannot reach OpenSearch at http://127.0.0.1:1"), e.getMessage());
    assertFalse(Files.exists(temp.resolve("new")), "the folders the create made are gone");
  }

  @Test
  void aNodeThatIsDownIsSkippedForTheNextAndAnOutageIsReportedWithinSeconds() throws Exception {
    Path dir = temp.resolve("failover");
    deleteIndex("va-ops-failover");
    try (Corpus corpus =
        Corpus.open(
            dir,
            CorpusOptions.create(EMBEDDER, DIM)
                .withStore(store(OpenSearchNode.url(), "va-ops-failover")))) {
      corpus.append(clips(200));
    }
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      // A node that accepts connections and never answers, then one that refuses them, then the
      // real one.
      Thread.ofVirtual().start(() -> acceptForever(silent));
      setUrl(
          dir,
          "http://127.0.0.1:1;http://127.0.0.1:"
              + silent.getLocalPort()
              + ";"
              + OpenSearchNode.url());
      try (Corpus corpus = Corpus.open(dir, CorpusOptions.existing())) {
        SearchResult found = corpus.search(graphSearch(corpus, 3));
        assertEquals(5, found.hits().size(), "the live node answers");
      }
      setUrl(dir, "http://127.0.0.1:1;http://127.0.0.1:" + silent.getLocalPort());
      setStoreParam(dir, "search-wait-seconds", "2");
      try (Corpus corpus =
          Corpus.open(
              dir,
              CorpusOptions.existing())) { // opens while the cluster is down: its files are local
        long t0 = System.nanoTime();
        StoreUnavailableException down =
            assertThrows(
                StoreUnavailableException.class, () -> corpus.search(graphSearch(corpus, 3)));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 15, "an interactive search fails within seconds, took " + seconds);
        assertTrue(
            down.getMessage().contains("cannot reach OpenSearch")
                && !down.getMessage().contains("\n"),
            down.getMessage());
        assertEquals(
            5,
            corpus
                .search(
                    SearchRequest.builder().vector(corpus.vectors().matrix().row(3)).k(5).build())
                .hits()
                .size(),
            "vector searches scan the corpus's own vectors and need no cluster");
        assertEquals(
            5,
            corpus.search(SearchRequest.builder().words("boat").k(5).build()).hits().size(),
            "word searches are the corpus's text index and need no cluster");
      }
    } finally {
      setUrl(dir, OpenSearchNode.url());
      deleteIndex("va-ops-failover");
    }
  }

  /**
   * Five nearest clips to row {@code row} by the store's own graph (the scan would not ask the
   * cluster).
   */
  private static SearchRequest graphSearch(Corpus corpus, int row) {
    return SearchRequest.builder()
        .vector(corpus.vectors().matrix().row(row))
        .k(5)
        .engine(VectorEngine.GRAPH)
        .build();
  }

  private static void acceptForever(ServerSocket server) {
    List<Socket> held = new ArrayList<>();
    try {
      while (true) {
        held.add(server.accept());
      }
    } catch (IOException closed) {
      for (Socket s : held) {
        try {
          s.close();
        } catch (IOException ignored) {
          // the test is over
        }
      }
    }
  }

  @Test
  void aDeletedIndexIsReportedAsUnavailableAndRebuiltOnlyOnRequest() throws Exception {
    Path dir = temp.resolve("deleted");
    deleteIndex("va-ops-deleted");
    try (Corpus corpus =
        Corpus.open(
            dir,
            CorpusOptions.create(EMBEDDER, DIM)
                .withStore(store(OpenSearchNode.url(), "va-ops-deleted")))) {
      corpus.append(clips(300));
      deleteIndex("va-ops-deleted");
      StoreUnavailableException gone =
          assertThrows(
              StoreUnavailableException.class, () -> corpus.search(graphSearch(corpus, 0)));
      assertTrue(gone.getMessage().contains("va store reindex --corpus " + dir), gone.getMessage());
    }
    try (Corpus reopened = Corpus.open(dir, CorpusOptions.existing())) {
      assertEquals(404, indexStatus("va-ops-deleted"), "opening never re-creates or re-indexes");
      StoreUnavailableException append =
          assertThrows(
              StoreUnavailableException.class, () -> reopened.append(List.of(clips(301).get(300))));
      assertTrue(append.getMessage().contains("va store reindex"), append.getMessage());
      assertEquals(404, indexStatus("va-ops-deleted"), "nor does an append");
      try (ServerRuntime server = ServerRuntime.over(reopened, null)) {
        JsonHttp http = new JsonHttp(server.start("127.0.0.1", 0).replaceAll("/$", ""));
        // Word search (the text index) and the scan (the corpus's vectors) need no store: served.
        JsonHttp.Reply reply = http.get("/api/search?words=boat&k=5");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(5, reply.json().get("hits").size(), reply.body());
      }
    }
    assertEquals(300, StoreMaintenance.reindex(dir));
    try (Corpus rebuilt = Corpus.open(dir, CorpusOptions.existing())) {
      assertEquals(
          5, rebuilt.search(SearchRequest.builder().words("boat").k(5).build()).hits().size());
      assertEquals(5, rebuilt.search(graphSearch(rebuilt, 0)).hits().size());
    } finally {
      deleteIndex("va-ops-deleted");
    }
  }

  @Test
  void aLuceneCorpusMovesToOpenSearchAndOtherStoreFlagsAreRefused() {
    Path dir = temp.resolve("moved");
    deleteIndex("va-ops-moved");
    try (Corpus corpus = Corpus.open(dir, CorpusOptions.create(EMBEDDER, DIM))) {
      corpus.append(clips(250));
    }
    StoreSpec target =
        StoreSpec.parseKindAndParams(
            "opensearch:url=" + OpenSearchNode.url() + ",index=va-ops-moved");
    UserException refused =
        assertThrows(
            UserException.class,
            () -> Corpus.open(dir, CorpusOptions.openOrCreate(EMBEDDER, DIM).withStore(target)));
    assertTrue(
        refused.getMessage().contains("va store move --corpus " + dir), refused.getMessage());
    try {
      StoreMaintenance.move(dir, target);
      try (Corpus moved =
          Corpus.open(dir, CorpusOptions.openOrCreate(EMBEDDER, DIM).withStore(target))) {
        assertEquals("opensearch", moved.manifest().store().kind());
        assertEquals(250, moved.storeStats().rows());
        SearchResult words = moved.search(SearchRequest.builder().words("red boat").k(5).build());
        assertEquals(
            "lucene-bm25", words.engine(), "word search stays with the corpus's text index");
        assertEquals(5, words.hits().size());
      }
    } finally {
      deleteIndex("va-ops-moved");
    }
  }

  /**
   * Raw bytes, to see the store's requests carry what they should (not only what the JDK client
   * sends).
   */
  @Test
  void searchesGoToTheNextNodeWhenOneAnswers503() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  while (true) {
                    try (Socket s = busy.accept()) {
                      s.getInputStream().read(new byte[8192]);
                      s.getOutputStream()
                          .write(
                              ("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                  .getBytes(StandardCharsets.US_ASCII));
                    }
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      OpenSearchHttp http =
          new OpenSearchHttp(
              List.of("http://127.0.0.1:" + busy.getLocalPort(), OpenSearchNode.url()),
              null,
              null,
              java.time.Duration.ofSeconds(2));
      assertEquals(
          200, http.get("/_cluster/health").status(), "the second node answers for the busy one");
    }
  }
}

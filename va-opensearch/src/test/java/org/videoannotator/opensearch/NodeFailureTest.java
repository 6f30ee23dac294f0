package org.videoannotator.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.index.Clip;
import org.videoannotator.index.ClipVector;
import org.videoannotator.index.ClusteredVectors;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.index.SearchRequest;
import org.videoannotator.index.store.StoreSpec;

/**
 * A two-node cluster (2 shards, 1 replica): one node is killed with SIGKILL while a corpus is being
 * appended to through the other; once it is back, every committed clip is in the index.
 */
@Tag("opensearch")
@Tag("slow")
class NodeFailureTest {
  private static final String A = "va-ha-a";
  private static final String B = "va-ha-b";
  private static final int PORT_A = 9260;
  private static final int PORT_B = 9261;
  private static final int DIM = 32;
  private static final int BATCHES = 16;
  private static final int BATCH = 500;

  @TempDir Path temp;

  private static String start(String name, int port) {
    ProcessBuilder pb =
        new ProcessBuilder("bin/opensearch-node", "start", name, Integer.toString(port));
    Map<String, String> env = pb.environment();
    env.put("VA_OPENSEARCH_CLUSTER", "va-ha");
    env.put("VA_OPENSEARCH_SEEDS", "127.0.0.1:" + (PORT_A + 100) + ",127.0.0.1:" + (PORT_B + 100));
    env.put("VA_OPENSEARCH_MASTERS", A);
    return run(pb);
  }

  private static String run(ProcessBuilder pb) {
    Path root = Path.of("").toAbsolutePath();
    while (!root.resolve("bin/opensearch-node").toFile().exists()) {
      root = root.getParent();
    }
    pb.directory(root.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      assertTrue(
          p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0, "node start failed: " + out);
      return out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stopNodes() {
    run(new ProcessBuilder("bin/opensearch-node", "stop", A));
    run(new ProcessBuilder("bin/opensearch-node", "stop", B));
  }

  private static List<ClipVector> batch(float[][] vectors, int from) {
    List<ClipVector> out = new ArrayList<>();
    for (int i = from; i < from + BATCH; i++) {
      out.add(new ClipVector(Clip.of("k" + i, "video" + (i % 13)), vectors[i]));
    }
    return out;
  }

  @Test
  void aNodeKilledMidIndexingLosesNothingOnceItReturns() throws Exception {
    CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> start(B, PORT_B));
    String urlA = start(A, PORT_A);
    b.get(10, TimeUnit.MINUTES);
    OpenSearchHttp http = new OpenSearchHttp(urlA, null, null);
    http.require(http.get("/_cluster/health?wait_for_nodes=2&timeout=120s"), "wait for both nodes");
    StoreSpec store =
        new StoreSpec(
            "opensearch",
            Map.of("url", urlA, "index", "va-ha-test", "shards", "2", "replicas", "1"));
    http.delete("/va-ha-test");
    float[][] vectors = new ClusteredVectors(DIM, 20, 0.5, 1, 2).next(BATCHES * BATCH);
    try (Corpus corpus =
        Corpus.open(
            temp.resolve("c"),
            CorpusOptions.create(EmbedderInfo.of("test", "1"), DIM).withStore(store))) {
      http.require(
          http.get("/_cluster/health/va-ha-test?wait_for_status=green&timeout=120s"),
          "wait for green");
      for (int i = 0; i < BATCHES; i++) {
        if (i == BATCHES / 3) {
          run(new ProcessBuilder("bin/opensearch-node", "kill", B));
        }
        corpus.append(batch(vectors, i * BATCH));
      }
      start(B, PORT_B);
      http.require(
          http.get("/_cluster/health/va-ha-test?wait_for_status=green&timeout=300s"),
          "wait for green again");
      http.require(http.post("/va-ha-test/_refresh", null), "refresh");
      assertEquals(
          BATCHES * BATCH,
          http.get("/va-ha-test/_count").json().get("count").asInt(),
          "every committed clip is in the index");
      assertEquals(BATCHES * BATCH, corpus.size());
      var hits =
          corpus
              .search(SearchRequest.builder().vector(vectors[BATCHES * BATCH - 1]).k(1).build())
              .hits();
      assertEquals(
          "k" + (BATCHES * BATCH - 1),
          hits.getFirst().key(),
          "clips indexed after the kill are found");
      corpus.destroyStore();
    }
  }
}

package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.index.Clip;
import org.videoannotator.server.clips.ClipView;
import org.videoannotator.testkit.JsonHttp;
import org.videoannotator.testkit.SyntheticCorpora;

/** Starts a real server on a fresh generated corpus for each test. */
abstract class ServerTestBase {
  @TempDir Path temp;
  ServerRuntime runtime;
  JsonHttp http;

  int corpusSize() {
    return 3000;
  }

  @BeforeEach
  void startServer() {
    long t0 = System.nanoTime();
    var corpus = SyntheticCorpora.copyOf(temp.resolve("corpus"), corpusSize(), 32, 7);
    long t1 = System.nanoTime();
    runtime = ServerRuntime.over(corpus, null);
    http = new JsonHttp(runtime.start("127.0.0.1", 0).replaceAll("/$", ""));
    System.err.printf(
        "TIMING corpus %d ms, server %d ms%n",
        (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
  }

  @AfterEach
  void stopServer() {
    runtime.close();
  }

  static String enc(String s) {
    return ClipView.urlSegment(s);
  }

  void createLabel(String name) {
    assertEquals(201, http.post("/api/labels", Map.of("name", name, "description", "d")).status());
  }

  /** Labels {@code keys} by the corpus's ground truth; returns the reply. */
  JsonHttp.Reply labelByTruth(String label, List<String> keys, Map<String, Object> source) {
    List<Map<String, Object>> batch = new ArrayList<>();
    for (String key : keys) {
      boolean yes = SyntheticCorpora.concept(runtime.corpus().clip(key).orElseThrow());
      batch.add(
          Map.of("key", key, "value", yes ? "yes" : "no", "annotator", "alice", "source", source));
    }
    return http.post("/api/labels/" + enc(label) + "/annotations", Map.of("annotations", batch));
  }

  /**
   * The corpus's first {@code yes} clips of the concept, then its first {@code no} clips that are
   * not the concept and that {@code noFrom} accepts (all of them, or e.g. one cluster as a search
   * would give).
   */
  List<String> conceptKeys(int yes, int no, java.util.function.Predicate<Clip> noFrom) {
    List<String> pos = new ArrayList<>();
    List<String> neg = new ArrayList<>();
    for (int row = 0; row < corpusSize(); row++) {
      Clip clip = runtime.corpus().clipAt(row);
      if (SyntheticCorpora.concept(clip) && pos.size() < yes) {
        pos.add(clip.key());
      } else if (!SyntheticCorpora.concept(clip) && noFrom.test(clip) && neg.size() < no) {
        neg.add(clip.key());
      }
    }
    pos.addAll(neg);
    return pos;
  }

  /** How many clips of the corpus are the concept. */
  int conceptClips() {
    int n = 0;
    for (int row = 0; row < corpusSize(); row++) {
      n += SyntheticCorpora.concept(runtime.corpus().clipAt(row)) ? 1 : 0;
    }
    return n;
  }

  static List<String> keys(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(field == null ? n.asText() : n.get(field).asText()));
    return out;
  }

  /**
   * Downloads the label's VA export and unzips it into a new folder of {@code temp}; returns the
   * folder.
   */
  Path exportVa(String label) throws Exception {
    HttpResponse<byte[]> zip =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(http.base() + "/api/labels/" + enc(label) + "/export?format=va"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, zip.statusCode());
    Path dir = Files.createTempDirectory(temp, "va-export");
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Path target = dir.resolve(e.getName());
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
      }
    }
    return dir;
  }

  /** Starts a build and waits for it to finish; returns its final status. */
  JsonNode build(String label) throws InterruptedException {
    return build(label, Map.of());
  }

  /** The same with a request body, e.g. {@code Map.of("feedSize", 600)}. */
  JsonNode build(String label, Object body) throws InterruptedException {
    JsonHttp.Reply started = http.post("/api/labels/" + enc(label) + "/builds", body);
    assertEquals(202, started.status(), started.body());
    long id = started.json().get("id").asLong();
    for (int i = 0; i < 600; i++) {
      JsonNode status = http.get("/api/builds/" + id).json();
      String s = status.get("status").asText();
      if (!s.equals("queued") && !s.equals("running")) {
        return status;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("build " + id + " did not finish in 30 s");
  }
}

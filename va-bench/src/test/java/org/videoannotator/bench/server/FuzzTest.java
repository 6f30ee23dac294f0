package org.videoannotator.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.server.ServerRuntime;
import org.videoannotator.testkit.JsonHttp;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * Thousands of seeded malformed requests: no 5xx, no dropped connection, and the server still
 * serves.
 */
@Tag("slow") // thousands of malformed requests
class FuzzTest {
  @TempDir Path temp;

  @Test
  void malformedRequestsNeverBreakTheServer() throws Exception {
    try (ServerRuntime runtime =
        ServerRuntime.over(SyntheticCorpora.copyOf(temp.resolve("corpus"), 3000, 32, 7), null)) {
      JsonHttp http = new JsonHttp(runtime.start("127.0.0.1", 0).replaceAll("/$", ""));
      fuzzLabelledAndBuilt(runtime, http);
    }
  }

  /**
   * A label with 40 answers by the corpus's truth and a finished build, then 3,000 fuzzed requests.
   */
  private static void fuzzLabelledAndBuilt(ServerRuntime runtime, JsonHttp http)
      throws InterruptedException {
    assertEquals(
        201, http.post("/api/labels", Map.of("name", "fuzz", "description", "d")).status());
    List<String> keys = new ArrayList<>();
    List<Map<String, Object>> answers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String key = SyntheticCorpora.key(i);
      keys.add(key);
      boolean yes = SyntheticCorpora.concept(runtime.corpus().clip(key).orElseThrow());
      answers.add(
          Map.of(
              "key",
              key,
              "value",
              yes ? "yes" : "no",
              "annotator",
              "alice",
              "source",
              Map.of("kind", "other")));
    }
    JsonHttp.Reply labelled =
        http.post("/api/labels/fuzz/annotations", Map.of("annotations", answers));
    assertTrue(labelled.status() < 300, labelled.body());
    JsonHttp.Reply started = http.post("/api/labels/fuzz/builds", Map.of());
    assertEquals(202, started.status(), started.body());
    waitForBuild(http, started.json().get("id").asLong());
    Fuzzer.Report report = new Fuzzer(http.base(), List.of("fuzz"), keys).run(3000, 42);
    System.out.println("fuzz statuses: " + report.statuses());
    assertEquals(0, report.count5xx(), String.join("\n", report.serverErrors()));
    assertEquals(0, report.connectionErrors(), String.join("\n", report.serverErrors()));
    assertTrue(
        report.statuses().keySet().stream().anyMatch(s -> s >= 400 && s < 500),
        report.statuses().toString());
    assertTrue(report.statuses().containsKey(200), report.statuses().toString());
    // Foreign Host/Origin requests were among them, and refused.
    assertTrue(report.statuses().containsKey(403), report.statuses().toString());
    assertEquals(200, http.get("/api/info").status());
    assertEquals(200, http.get("/api/labels").status());
  }

  private static void waitForBuild(JsonHttp http, long id) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      String s = http.get("/api/builds/" + id).json().get("status").asText();
      if (!s.equals("queued") && !s.equals("running")) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("build " + id + " did not finish in 30 s");
  }
}

package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videoannotator.testkit.SyntheticCorpora;

/** A second build of a label supersedes the first; builds of different labels both finish. */
class ConcurrentBuildsTest extends ServerTestBase {
  private void labelForty(String label) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      keys.add(SyntheticCorpora.key(i));
    }
    createLabel(label);
    labelByTruth(label, keys, Map.of("kind", "other"));
  }

  private JsonNode waitFor(long id) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      JsonNode s = http.get("/api/builds/" + id).json();
      if (!s.get("status").asText().equals("queued")
          && !s.get("status").asText().equals("running")) {
        return s;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("build " + id + " did not finish");
  }

  @Test
  void aNewerBuildSupersedesTheRunningOne() throws Exception {
    labelForty("a");
    // Both starts go straight to the service: the first cannot finish training in between.
    long first = runtime.builds().start("a", 0, 50).id();
    long second = runtime.builds().start("a", 0, 50).id();
    assertEquals("superseded", waitFor(first).get("status").asText());
    JsonNode done = waitFor(second);
    assertEquals("done", done.get("status").asText(), done.toString());
    assertEquals(1, done.get("modelVersion").asInt(), "the superseded build saved no model");
    assertEquals(second, http.get("/api/labels/a/feeds/random?k=5").json().get("buildId").asLong());
  }

  @Test
  void buildsOfDifferentLabelsRunSideBySide() throws Exception {
    labelForty("a");
    labelForty("b");
    long a = http.post("/api/labels/a/builds", "{}").json().get("id").asLong();
    long b = http.post("/api/labels/b/builds", "{}").json().get("id").asLong();
    assertEquals("done", waitFor(a).get("status").asText());
    assertEquals("done", waitFor(b).get("status").asText());
  }
}

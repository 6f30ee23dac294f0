package org.videoannotator.server;

import org.videoannotator.testkit.SyntheticCorpora;
import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videoannotator.server.bench.Fuzzer;

/** Thousands of seeded malformed requests: no 5xx, no dropped connection, and the server still serves. */
@Tag("slow") // thousands of malformed requests
class FuzzTest extends ServerTestBase {
  @Test
  void malformedRequestsNeverBreakTheServer() throws Exception {
    createLabel("fuzz");
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      keys.add(SyntheticCorpora.key(i));
    }
    labelByTruth("fuzz", keys, Map.of("kind", "other"));
    build("fuzz");
    Fuzzer.Report report = new Fuzzer(http.base(), List.of("fuzz"), keys).run(3000, 42);
    System.out.println("fuzz statuses: " + report.statuses());
    assertEquals(0, report.count5xx(), String.join("\n", report.serverErrors()));
    assertEquals(0, report.connectionErrors(), String.join("\n", report.serverErrors()));
    assertTrue(report.statuses().keySet().stream().anyMatch(s -> s >= 400 && s < 500), report.statuses().toString());
    assertTrue(report.statuses().containsKey(200), report.statuses().toString());
    // Foreign Host/Origin requests were among them, and refused.
    assertTrue(report.statuses().containsKey(403), report.statuses().toString());
    assertEquals(200, http.get("/api/info").status());
    assertEquals(200, http.get("/api/labels").status());
  }
}

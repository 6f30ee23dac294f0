package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.videoannotator.testkit.JsonHttp;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * Issue 24: an annotator's error rates are pooled over the labels the server holds. One annotator
 * who answers against the truth 1 time in 10 labels the same concept under five labels: the first
 * build has no other label to learn from; once three labels have fitted their own rates, a build
 * draws its rates towards theirs and says so ({@code pooledFrom}, its {@code own} rates kept for
 * the next label's prior). A first build of a few answers keeps its own estimates.
 */
class PooledErrorRatesTest extends ServerTestBase {
  @Test
  void laterLabelsDrawTheirErrorRatesTowardsTheAnnotatorsOtherLabels() throws Exception {
    List<JsonNode> errors = new ArrayList<>();
    for (int l = 0; l < 5; l++) {
      String label = "pooled-" + l;
      createLabel(label);
      assertEquals(201, labelNoisily(label, conceptKeys(70, 110, clip -> true), 11 + l).status());
      JsonNode build = build(label);
      assertEquals("done", build.get("status").asText(), build.toString());
      errors.add(build.get("estimates").get("answerError"));
    }
    JsonNode first = errors.get(0);
    assertEquals(0, first.get("pooledFrom").asInt(), first.toString());
    assertTrue(first.get("own").isNull(), first.toString());
    long fitted =
        errors.subList(0, 4).stream()
            .filter(e -> e.get("basis").asText().equals("fitted") && !e.get("falseYes").isNull())
            .count();
    assertTrue(fitted >= 3, "labels that fitted their own false-yes rate: " + errors);
    JsonNode last = errors.get(4);
    assertTrue(last.get("pooledFrom").asInt() >= 3, last.toString());
    assertEquals("fitted", last.get("own").get("basis").asText(), last.toString());
    assertTrue(!last.get("falseYes").isNull() && !last.get("falseNo").isNull(), last.toString());

    // a first build of 14 "yes" and 9 "no": too few answers for the prior, its own estimates
    createLabel("first-build");
    assertEquals(201, labelNoisily("first-build", conceptKeys(14, 9, clip -> true), 3).status());
    JsonNode few = build("first-build").get("estimates").get("answerError");
    assertEquals(0, few.get("pooledFrom").asInt(), few.toString());
  }

  /** Labels {@code keys} as an annotator who answers against the truth 1 time in 10 (seeded). */
  private JsonHttp.Reply labelNoisily(String label, List<String> keys, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Map<String, Object>> batch = new ArrayList<>();
    for (String key : keys) {
      boolean truth = SyntheticCorpora.concept(runtime.corpus().clip(key).orElseThrow());
      boolean yes = random.nextDouble() < 0.1 ? !truth : truth;
      batch.add(
          Map.of(
              "key",
              key,
              "value",
              yes ? "yes" : "no",
              "annotator",
              "alice",
              "source",
              Map.of("kind", "search", "query", "q")));
    }
    return http.post("/api/labels/" + enc(label) + "/annotations", Map.of("annotations", batch));
  }
}

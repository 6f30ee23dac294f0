package org.videoannotator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: once the annotator's other labels have fitted their error rates, a build draws its
 * rates towards theirs, and the build panel says so next to the rates it corrects the prevalence
 * by. One annotator who answers against the truth 1 time in 10 labels the same topic under four
 * labels; the fourth's panel names the three it learned from.
 */
class PooledRatesPanelTest extends BrowserTestBase {
  @BeforeAll
  static void start() throws Exception {
    startWeb(37, "pooled-rates");
  }

  @Test
  void theBuildPanelSaysTheRatesWereDrawnTowardsTheOtherLabels() throws Exception {
    JsonNode hits = web.get("/api/browse?k=400").get("hits");
    String label = null;
    JsonNode last = null;
    for (int l = 0; l < 4; l++) {
      label = "chase-" + l;
      web.post("/api/labels", Map.of("name", label));
      web.post("/api/labels/" + label + "/annotations", Map.of("annotations", noisy(hits, 40 + l)));
      last = built(web.post("/api/labels/" + label + "/builds", Map.of()).get("id").asLong());
    }
    JsonNode errors = last.get("estimates").get("answerError");
    assertEquals(3, errors.get("pooledFrom").asInt(), errors.toString());

    browser.open(web.url("/#/label/" + label + "/build"));
    browser.until(d -> browser.find(".answer-error").getText().contains("other labels say"));
    assertTrue(
        browser.find(".answer-error").getText().contains("with what 3 other labels say"),
        browser.find(".answer-error").getText());
    assertEquals(
        List.of(),
        browser.screenshotsAtBothWidths("01-pooled-answer-errors", ".answer-error"),
        "no page scrolls sideways");
  }

  private static JsonNode built(long id) throws Exception {
    for (int i = 0; i < 600; i++) {
      JsonNode b = web.get("/api/builds/" + id);
      if (b.get("status").asText().equals("done")) {
        return b;
      }
      assertTrue(!b.get("status").asText().equals("failed"), b.toString());
      Thread.sleep(100);
    }
    throw new AssertionError("build " + id + " did not finish in 60 s");
  }

  /**
   * Five clips in six, car chases "yes" and the rest "no", each answered wrongly 1 time in 10 (the
   * sixth left for the model to estimate).
   */
  private static List<Map<String, Object>> noisy(JsonNode hits, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Map<String, Object>> votes = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      JsonNode hit = hits.get(i);
      if (i % 6 == 5) {
        continue;
      }
      boolean truth = hit.get("clip").get("cluster").asInt() == 0;
      boolean yes = random.nextDouble() < 0.1 ? !truth : truth;
      votes.add(
          Map.of("key", hit.get("key").asText(), "value", yes ? "yes" : "no", "annotator", "ada"));
    }
    return votes;
  }
}

package org.videoannotator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24 item 4: once a label has a model, ten answers in the feeds rebuild it in the background
 * (the server's {@code rebuildEvery}); the page on screen stays, the next page comes from the new
 * model and the votes cast there say so; an editor who turns it off gets no build, and the choice
 * survives a reload.
 */
class AutoRebuildTest extends BrowserTestBase {
  private static final String LABEL = "chase";

  @BeforeAll
  static void start() throws Exception {
    startWeb(31, "auto-rebuild");
  }

  @Test
  void tenAnswersRebuildInTheBackgroundAndTheNextPageComesFromTheNewModel() throws Exception {
    assertEquals(10, web.get("/api/info").get("rebuildEvery").asInt());
    web.post("/api/labels", Map.of("name", LABEL));
    List<Map<String, Object>> votes = new ArrayList<>();
    JsonNode hits = web.get("/api/browse?k=6").get("hits");
    for (int i = 0; i < hits.size(); i++) {
      String key = hits.get(i).get("key").asText();
      votes.add(Map.of("key", key, "value", i % 2 == 0 ? "yes" : "no", "annotator", "ada"));
    }
    web.post("/api/labels/" + LABEL + "/annotations", Map.of("annotations", votes));

    browser.open(web.url("/#/label/" + LABEL + "/build"));
    browser.until(d -> browser.find("#auto-rebuild").isSelected());
    browser.keys("b");
    browser.until(d -> browser.find("#build-stage").getText().startsWith("Built v1"));
    browser.until(d -> browser.all("#feed-panel [role=gridcell]").size() >= 12);
    List<String> page = browser.cellKeys("#feed-panel");

    // Nine answers: no build yet. The tenth starts one, and the page stays on screen.
    browser.keys("yynnyynny");
    awaitStored(15);
    assertEquals(1, builds().size(), "nine answers since v1 start no build");
    browser.keys("n");
    browser.until(d -> browser.find("#build-stage").getText().startsWith("Rebuilt v2"));
    assertEquals(page, browser.cellKeys("#feed-panel"), "the page on screen stays");
    browser.until(d -> browser.find(".page-info").getText().equals("Next page from v2"));
    JsonNode v2 = builds().get(1);
    assertEquals(16, v2.get("positives").asInt() + v2.get("negatives").asInt());
    assertEquals(2, browser.all(".ap-chart circle").size(), "the chart has the new build");
    assertEquals(
        List.of(),
        browser.screenshotsAtBothWidths("01-rebuilt-in-the-background", ".build-bar"),
        "no page scrolls sideways");

    // The next page is the new model's: a vote cast there names its build.
    browser.keys("]");
    browser.until(d -> browser.find(".page-info").getText().startsWith("Page 1"));
    String first = browser.focused().getDomAttribute("data-key");
    assertFalse(page.subList(0, 10).contains(first), "a labelled clip is not offered again");
    browser.keys("y");
    awaitStored(17);
    JsonNode source = annotation(first).get("source");
    assertEquals(v2.get("id").asLong(), source.get("buildId").asLong(), source.toString());

    // Off: ten more answers, no build; the choice is kept across a reload.
    browser.find("#auto-rebuild").click();
    browser.js("document.querySelector('#feed-panel [role=gridcell][tabindex=\"0\"]').focus()");
    browser.keys("nnnnnnnnnn");
    awaitStored(27);
    Thread.sleep(1500); // a build would have started within the poll of the first vote's answer
    assertEquals(2, builds().size(), "no background build while it is off");
    browser.open(web.url("/#/label/" + LABEL + "/build"));
    browser.until(d -> browser.all("#feed-panel [role=gridcell]").size() > 0);
    assertFalse(browser.find("#auto-rebuild").isSelected(), "off survives a reload");
    // On again: eleven answers are waiting, so it rebuilds at once.
    browser.find("#auto-rebuild").click();
    browser.until(d -> browser.find("#build-stage").getText().startsWith("Rebuilt v3"));
    assertEquals(List.of(), browser.unnamedControls(), "build step controls without a name");
  }

  private static List<JsonNode> builds() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    web.get("/api/labels/" + LABEL + "/builds").forEach(out::add);
    return out;
  }

  private static JsonNode annotation(String key) throws Exception {
    for (JsonNode a : web.get("/api/labels/" + LABEL + "/annotations").get("annotations")) {
      if (a.get("key").asText().equals(key)) {
        return a;
      }
    }
    throw new AssertionError("no annotation of " + key);
  }

  private static void awaitStored(int count) {
    WebFixture.awaitServer(
        count + " annotations stored",
        () -> web.get("/api/labels/" + LABEL + "/annotations").get("annotations").size() == count);
  }
}

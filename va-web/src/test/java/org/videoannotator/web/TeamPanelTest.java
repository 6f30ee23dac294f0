package org.videoannotator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * The Team step (issue 26 items 3 and 4): agreement figures and the matrix of annotator pairs, then
 * the adjudication queue settled and undone by keyboard alone. Each step waits for the server's
 * state, not the page's.
 */
class TeamPanelTest extends BrowserTestBase {
  @BeforeAll
  static void start() throws Exception {
    startWeb(26, "team");
  }

  @Test
  void agreementMatrixAndAdjudicationByKeyboard() throws Exception {
    web.post("/api/labels", Map.of("name", "team", "description", "three annotators"));
    List<String> keys = new ArrayList<>();
    web.get("/api/browse?k=6").get("hits").forEach(c -> keys.add(c.get("key").asText()));
    // Clips 0-2 unanimous, 3-5 disputed (ada and bob say yes, cy says no).
    List<Map<String, Object>> votes = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      for (String who : List.of("ada", "bob", "cy")) {
        boolean yes = i < 3 ? i % 2 == 0 : !who.equals("cy");
        votes.add(Map.of("key", keys.get(i), "value", yes ? "yes" : "no", "annotator", who));
      }
    }
    web.post("/api/labels/team/annotations", Map.of("annotations", votes));

    browser.open(web.url("/#/label/team/search"));
    browser.keys(Keys.ESCAPE, "a"); // the search box has the focus when a label opens
    browser.until(d -> browser.all(".adjudication-row").size() == 3);
    assertTrue(
        browser.find(".team-figures").getText().contains("50 %"),
        browser.find(".team-figures").getText());
    assertEquals(3, browser.all(".pair-matrix tbody tr").size(), "a row per annotator");
    String matrix = browser.find(".pair-matrix").getText();
    assertTrue(
        matrix.contains("100 %") && matrix.contains("50 %"),
        matrix); // ada/bob agree always, each with cy half the time
    assertEquals(3, browser.all(".member-table tbody tr").size());
    assertEquals(List.of(), browser.unnamedControls(), "team step controls without a name");
    browser.screenshot("01-team-agreement");

    // j focuses the queue, e the note; Enter goes back to the row and y settles it.
    browser.keys("j");
    String first = browser.focused().getDomAttribute("data-key");
    browser.keys("e");
    browser.keys("cy was right to doubt", Keys.ENTER);
    browser.keys("n");
    waitForServer("open", 2);
    JsonNode settled =
        web.get("/api/labels/team/adjudication?state=settled")
            .get("items")
            .get(0)
            .get("annotation");
    assertEquals(first, settled.get("key").asText());
    assertEquals("no", settled.get("value").asText(), "the settled answer overrules the majority");
    assertEquals("cy was right to doubt", settled.get("settlement").get("note").asText());
    browser.until(
        d ->
            "2"
                .equals(
                    browser.find("#count-no b").getText())); // the header counts the settled answer
    browser.keys("y");
    waitForServer("open", 1);
    browser.screenshot("02-team-settled-two");

    // Undo from the settled list.
    browser.find(".team-queue [data-state=settled]").click();
    browser.until(d -> browser.all(".adjudication-row").size() == 2);
    browser.keys("j", Keys.DELETE);
    waitForServer("settled", 1);
    assertEquals(2, web.get("/api/labels/team/adjudication").get("open").asInt());
    browser.screenshot("03-team-undone");
  }

  @Test
  void aLongQueueComesAPageAtATime() throws Exception {
    web.post("/api/labels", Map.of("name", "long-queue"));
    List<String> keys = new ArrayList<>();
    web.get("/api/browse?k=205").get("hits").forEach(c -> keys.add(c.get("key").asText()));
    assertEquals(205, keys.size(), "the test corpus has 205 clips");
    List<Map<String, Object>> votes = new ArrayList<>();
    for (String key : keys) {
      votes.add(Map.of("key", key, "value", "yes", "annotator", "ada"));
      votes.add(Map.of("key", key, "value", "no", "annotator", "bob"));
    }
    web.post("/api/labels/long-queue/annotations", Map.of("annotations", votes));

    browser.open(web.url("/#/label/long-queue/search"));
    browser.keys(Keys.ESCAPE, "a");
    browser.until(d -> browser.all(".adjudication-row").size() == 200);
    assertTrue(
        browser.find(".team-queue .summary").getText().contains("showing the first 200"),
        browser.find(".team-queue .summary").getText());
    browser.screenshot("04-long-queue");
    browser.find("#queue-more").click();
    browser.until(d -> browser.all(".adjudication-row").size() == 205);
    assertEquals(
        "200",
        browser.focused().getDomAttribute("data-index"),
        "the first row of the new page has the focus");
    browser.keys("y");
    WebFixture.awaitServer(
        "one of 205 settled",
        () -> web.get("/api/labels/long-queue/adjudication").get("open").asInt() == 204);
    browser.until(d -> browser.all(".adjudication-row").size() == 204);
    assertFalse(
        browser.find(".team-queue .summary").getText().contains("showing"),
        "all 204 shown: " + browser.find(".team-queue .summary").getText());
  }

  private static void waitForServer(String field, int expected) {
    browser.until(
        d -> {
          try {
            return web.get("/api/labels/team/adjudication").get(field).asInt() == expected;
          } catch (Exception e) {
            return false;
          }
        });
  }
}

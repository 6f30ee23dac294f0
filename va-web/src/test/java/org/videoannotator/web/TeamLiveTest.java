package org.videoannotator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Issue 26 item 2 in a real Chromium: a clip a teammate labels leaves the feed page open in the
 * browser without a reload, and the label's team settings (overlap) are changed from its header.
 * Each step waits for the server to hold the teammate's vote or the setting first, then for the
 * page.
 */
class TeamLiveTest extends BrowserTestBase {
  private static final String LABEL = "team-live";
  private static final String PATH = "/api/labels/" + LABEL;

  @BeforeAll
  static void start() throws Exception {
    startWeb(13, "team");
  }

  /** Labels the first clips a words search finds, as {@code annotator}. */
  private static void labelSearch(String words, String value) throws Exception {
    List<Map<String, Object>> batch = new ArrayList<>();
    for (JsonNode hit :
        web.get("/api/search?words=" + WebFixture.enc(words) + "&k=6").get("hits")) {
      batch.add(Map.of("key", hit.get("key").asText(), "value", value, "annotator", "alice"));
    }
    web.post(PATH + "/annotations", Map.of("annotations", batch));
  }

  private static void vote(String annotator, String key) throws Exception {
    web.post(PATH + "/annotations", Map.of("key", key, "value", "no", "annotator", annotator));
    assertTrue(
        web.get(PATH + "/annotations").get("annotations").findValuesAsText("key").contains(key),
        "the server stored " + annotator + "'s vote");
  }

  /** Waits until the server answers so (a build finished, a setting stored). */
  private static void untilServer(Callable<Boolean> condition) {
    WebFixture.awaitServer("a build finished or a setting stored", condition::call);
  }

  private static List<String> cells() {
    return browser.cellKeys("#feed-panel");
  }

  @Test
  void aClipATeammateLabelsLeavesTheOpenFeedPage() throws Exception {
    web.post("/api/labels", Map.of("name", LABEL, "description", "car chases"));
    labelSearch("car chase", "yes");
    labelSearch("forest mountain", "no");
    long build = web.post(PATH + "/builds", Map.of()).get("id").asLong();
    untilServer(() -> web.get("/api/builds/" + build).get("status").asText().equals("done"));

    browser.open(web.url("/#/label/" + LABEL + "/build"));
    List<String> shown = browser.until(d -> cells().size() >= 6 ? cells() : null);
    vote("bob", shown.get(2)); // a teammate, through the API (as from another browser)
    browser.until(d -> !cells().contains(shown.get(2)));
    assertTrue(
        cells().containsAll(List.of(shown.get(1), shown.get(3))),
        "only the teammate's clip left: " + cells());
    browser.screenshot("01-teammate-clip-gone");

    // Without accounts anyone may change the team; the header's Team settings set overlap 2.
    browser.find(".team-settings summary").click();
    WebElement overlap = browser.find("#team-overlap");
    overlap.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
    browser.find("#team-save").click();
    untilServer(() -> web.get(PATH + "/assignment").get("overlap").asInt() == 2);
    browser.until(d -> browser.find("#team-summary").getText().contains("2 votes per clip"));
    browser.screenshot("02-team-settings");

    vote("bob", shown.get(3));
    vote(
        "cy",
        shown.get(3)); // two votes of two: the overlap is met without this browser's annotator
    browser.until(d -> !cells().contains(shown.get(3)));
    assertTrue(cells().contains(shown.get(1)), "a clip nobody voted on stays: " + cells());
    assertEquals(2, web.get(PATH).get("overlap").asInt(), "the label view shows the overlap");
  }
}

package org.videoannotator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * An annotator's whole session in a real Chromium on the real server, by keyboard: create a label,
 * search, label, undo, build, read the four feeds (+ auto), label from a feed, review and flip,
 * export in the three formats. A screenshot of every step is saved for a person to look at.
 */
class AnnotatorFlowTest extends BrowserTestBase {
  private static final String LABEL = "car-chase";
  private static final List<String> FEEDS =
      List.of("top-positive", "top-negative", "borderline", "random", "auto");

  @BeforeAll
  static void start() throws Exception {
    startWeb(7, "flow");
  }

  @Test
  void anAnnotatorBuildsAClassifierByKeyboardAlone() throws Exception {
    browser.open(web.url("/"));
    browser.find("table.labels");
    browser.screenshot("01-labels-page");
    importAnOntology();

    createLabelWithTheDialog();
    searchAndLabel("car chase", 'y', 8, "04-search-positives");
    previewPlaysOnHover();
    searchAndLabel("forest mountain", 'n', 8, "05-search-negatives");
    undoTakesBackTheLastLabel();
    moreLikeTheSelectedClips();
    escapeFromTheSearchBoxSaysKeysAreShortcuts();
    browseEveryVideo();
    inspectAClip();
    awaitStored(16);

    Set<String> labelled = annotations().keySet();
    assertEquals(16, labelled.size(), "8 yes and 8 no stored by the server");

    buildWithTheKeyboard();
    Map<String, List<String>> feeds = readEveryFeed();
    for (String feed : FEEDS) {
      assertFalse(feeds.get(feed).isEmpty(), feed + " feed is empty");
      for (String key : feeds.get(feed)) {
        assertFalse(labelled.contains(key), feed + " shows already labelled clip " + key);
      }
    }
    // top-positive, top-negative and borderline share no clip; random samples every unlabelled one
    for (int i = 0; i < 3; i++) {
      for (int j = i + 1; j < 3; j++) {
        Set<String> both = new HashSet<>(feeds.get(FEEDS.get(i)));
        both.retainAll(feeds.get(FEEDS.get(j)));
        assertTrue(both.isEmpty(), FEEDS.get(i) + " and " + FEEDS.get(j) + " share " + both);
      }
    }
    topPositivesAreMostlyTheTopic();
    labelFromAFeedAndTurnThePage();
    rebuildAddsAVersion();

    reviewAndFlip();
    exportAllFormats();
    theKeyListAndTheLabelsPageSummary();
  }

  // The released ontology's shape: {label: {description, keywords}}.
  private void importAnOntology() throws Exception {
    Path file = Files.createTempFile("ontology-", ".json");
    try {
      Files.writeString(
          file,
          """
          {"action": {"description": "Climactic, exciting or fast-paced shots", "keywords": "Explosions, Car Chase"},
           "animal": {"description": "Animals in the shot", "keywords": "Dog, Cat"}}
          """);
      browser.driver.findElement(By.id("ontology-file")).sendKeys(file.toString());
      browser.until(d -> browser.all("table.labels tbody tr[data-label]").size() == 2);
      assertTrue(browser.find("#alerts .alert-info").getText().contains("Imported 2 labels"));
      assertEquals(
          "Explosions, Car Chase",
          browser.find("tr[data-label=action] td.description").getDomAttribute("title"));
      browser.screenshot("01b-ontology-imported");
      assertEquals(List.of(), browser.unnamedControls(), "labels page controls without a name");
    } finally {
      Files.delete(file);
    }
  }

  private void createLabelWithTheDialog() throws Exception {
    browser.keys("n");
    WebElement name = browser.find("dialog.new-label input[name=name]");
    assertEquals(name, browser.focused(), "the dialog focuses the name field");
    browser.keys(
        LABEL, Keys.TAB, "Fast vehicles chasing each other", Keys.TAB, "car, chase, pursuit");
    browser.screenshot("02-new-label-dialog");
    browser.keys(Keys.ENTER);
    browser.until(d -> LABEL.equals(browser.find("#label-title").getText()));
    browser.find("#search-text");
    browser.screenshot("03-workspace");
    JsonNode label = web.get("/api/labels/" + WebFixture.enc(LABEL));
    assertEquals("Fast vehicles chasing each other", label.get("description").asText());
  }

  /**
   * Types a query (focus is where "/" puts it), then labels the first n results with one key each.
   */
  private void searchAndLabel(String query, char key, int n, String screenshot) throws Exception {
    browser.keys(Keys.ESCAPE, "/");
    assertEquals("search-text", browser.focused().getDomAttribute("id"));
    browser.keys(query, Keys.ENTER); // "/" selected the old query: typing replaces it
    browser.until(d -> browser.summary().contains(query));
    assertTrue(
        browser.summary().contains("score:"),
        "the summary says how to read the scores: " + browser.summary());
    assertEquals("gridcell", browser.focused().getDomAttribute("role"), "results take the focus");
    String counter = key == 'y' ? "#count-yes b" : "#count-no b";
    int before = Integer.parseInt(browser.find(counter).getText());
    int stored = annotations().size();
    for (int i = 0; i < n; i++) {
      browser.keys(String.valueOf(key));
    }
    browser.until(d -> Integer.parseInt(browser.find(counter).getText()) == before + n);
    awaitStored(stored + n);
    browser.screenshot(screenshot);
  }

  // Clips of the first videos have H.264 previews: hovering one must play it in place.
  private void previewPlaysOnHover() throws Exception {
    WebElement cell = browser.find("#step-panel [role=gridcell][data-key^='movie-00|']");
    new Actions(browser.driver).moveToElement(cell).perform();
    browser.until(
        d ->
            Boolean.TRUE.equals(
                browser.js(
                    "const v = arguments[0].querySelector('video.preview');"
                        + " return !!v && v.readyState >= 2 && !v.paused && v.currentTime > 0;",
                    cell)));
    browser.screenshot("04b-preview-on-hover");
    new Actions(browser.driver).moveToElement(browser.find("header.top")).perform();
    browser.until(d -> cell.findElements(By.cssSelector(".preview")).isEmpty());
  }

  private void undoTakesBackTheLastLabel() throws Exception {
    browser.keys("z");
    browser.until(d -> "7".equals(browser.find("#count-no b").getText()));
    WebElement undone = browser.focused();
    assertEquals(
        "none",
        undone.getDomAttribute("data-value"),
        "undo puts the focus back on the undone clip");
    awaitStored(15);
    browser.keys("n");
    browser.until(d -> "8".equals(browser.find("#count-no b").getText()));
    awaitStored(16);
  }

  // "x" selects clips, "m" searches for more like them; the selection's own clips come back first.
  private void moreLikeTheSelectedClips() throws Exception {
    browser.keys("x", Keys.ARROW_RIGHT, "x");
    assertEquals(2, browser.all("#step-panel [role=gridcell][aria-selected=true]").size());
    assertEquals("More like selected (2)", browser.find("#more-like").getText());
    browser.keys("m");
    browser.until(d -> browser.summary().contains("more like the selected clips"));
    List<WebElement> words = browser.all("#step-panel [role=gridcell] .words");
    long forest = words.stream().filter(w -> w.getText().contains("forest")).count();
    assertTrue(
        forest * 2 > words.size(),
        forest + " of " + words.size() + " similar clips share the topic");
    browser.screenshot("05b-more-like-these");
    assertEquals(List.of(), browser.unnamedControls(), "search step controls without a name");
  }

  // Words typed after Esc would act as shortcuts: the page says so when Esc leaves the box.
  private void escapeFromTheSearchBoxSaysKeysAreShortcuts() {
    browser.keys("/");
    assertEquals("search-text", browser.focused().getDomAttribute("id"));
    browser.keys(Keys.ESCAPE);
    WebElement info = browser.find("#alerts .alert-info");
    assertTrue(info.getText().contains("keys are shortcuts"), info.getText());
    info.findElement(By.cssSelector(".alert-close")).click();
  }

  // A way into footage without captions: every clip, video by video, here the long ones only.
  private void browseEveryVideo() throws Exception {
    new org.openqa.selenium.support.ui.Select(browser.find("#search-mode")).selectByValue("browse");
    assertTrue(browser.find("#browse-duration").isDisplayed(), "browse shows its duration filter");
    new org.openqa.selenium.support.ui.Select(browser.find("#browse-duration"))
        .selectByValue("medium");
    WebElement input = browser.find("#search-text");
    input.clear();
    input.sendKeys("movie-00", Keys.ENTER);
    browser.until(d -> browser.summary().contains("videos named like"));
    assertTrue(browser.summary().contains("timeline order"), browser.summary());
    List<WebElement> cells = browser.all("#step-panel [role=gridcell]");
    assertTrue(!cells.isEmpty(), "long clips of movie-00");
    assertTrue(
        cells.stream().allMatch(c -> c.getDomAttribute("data-key").startsWith("movie-00|")),
        "only clips of the named video");
    browser.screenshot("05c-browse-by-video");
    new org.openqa.selenium.support.ui.Select(browser.find("#search-mode")).selectByValue("text");
    browser
        .find("#step-panel [role=gridcell] .meta")
        .click(); // the picture would open the inspector
  }

  // Enter opens the inspector: timecode, file, the shots around it, labels and history; Esc closes.
  private void inspectAClip() throws Exception {
    WebElement cell = browser.find("#step-panel [role=gridcell]");
    cell.findElement(By.cssSelector(".meta")).click();
    String key = cell.getDomAttribute("data-key");
    browser.keys(Keys.ENTER);
    browser.until(d -> browser.find("#inspector").isDisplayed());
    browser.until(d -> browser.find("#inspector .timecode").getText().contains(":"));
    assertTrue(
        browser.find("#inspector .inspector-facts").getText().contains("movie-"),
        "file name shown");
    assertTrue(!browser.all("#inspector .neighbour.after").isEmpty(), "next shots shown");
    browser.screenshot("05d-inspector");
    browser.keys("y");
    browser.until(d -> browser.find("#inspector .inspector-value").getText().contains("yes"));
    browser.until(d -> browser.find("#inspector .inspector-history").getText().contains("yes"));
    String title = browser.find("#inspector-title").getText();
    browser.keys(Keys.ARROW_RIGHT);
    browser.until(d -> !browser.find("#inspector-title").getText().equals(title));
    browser.keys(Keys.ESCAPE);
    browser.until(d -> !d.findElement(By.id("inspector")).isDisplayed());
    String cellCss = "#step-panel [role=gridcell][data-key='" + key + "']";
    assertEquals("yes", browser.find(cellCss).getDomAttribute("data-value"));
    browser.keys("z"); // the flow below counts its own labels only
    browser.until(d -> "none".equals(browser.find(cellCss).getDomAttribute("data-value")));
  }

  private void buildWithTheKeyboard() throws Exception {
    browser.keys("b");
    browser.until(d -> browser.find("#build-stage").getText().startsWith("Built v1"));
    browser.until(d -> !browser.all("#feed-panel [role=gridcell]").isEmpty());
    browser.screenshot("06-built-top-positive");
    assertTrue(
        browser.find(".quality .ap").getText().matches("\\d\\.\\d\\d ± \\d\\.\\d\\d"),
        "quality shows AP mean ± std: " + browser.find(".quality .ap").getText());
    assertEquals(1, browser.all(".ap-chart circle").size(), "one point per build in the AP chart");
    // 8 yes / 8 no from searches, no random labels yet: the prevalence is the model's, and it says
    // so
    long buildId =
        web.get("/api/labels/" + WebFixture.enc(LABEL)).get("latestBuild").get("id").asLong();
    JsonNode estimates = web.get("/api/builds/" + buildId).get("estimates");
    assertEquals("prior-shift", estimates.get("prevalence").get("method").asText());
    assertTrue(
        browser
            .find(".quality .prevalence")
            .getText()
            .matches("(?s)\\d+(\\.\\d)?% of the corpus \\(.*%\\).*no Random-feed labels.*"),
        browser.find(".quality .prevalence").getText());
    assertTrue(
        browser.find(".quality .advice").getText().contains("Random feed"),
        browser.find(".quality .advice").getText());
    assertTrue(
        browser.find(".quality .measured-on").getText().contains("cross-validated on your labels"));
    assertEquals(
        List.of(),
        browser.screenshotsAtBothWidths("06c-model-panel", ".model-panel"),
        "the longer model panel scrolls sideways");
  }

  private Map<String, List<String>> readEveryFeed() throws Exception {
    Map<String, List<String>> feeds = new HashMap<>();
    for (int i = 0; i < FEEDS.size(); i++) {
      String feed = FEEDS.get(i);
      browser.keys(String.valueOf(i + 1));
      browser.until(
          d -> "true".equals(browser.find("#feed-tab-" + feed).getDomAttribute("aria-selected")));
      browser.until(d -> browser.find(".page-info").getText().startsWith("Page 1"));
      feeds.put(feed, browser.cellKeys("#feed-panel"));
      browser.screenshot("07-feed-" + (i + 1) + "-" + feed);
    }
    return feeds;
  }

  // The generated corpus's clusters are separable: a model trained on "car chase" clips must rank
  // them first. Clip words are the cell titles' tooltips.
  private void topPositivesAreMostlyTheTopic() {
    browser.keys("1");
    browser.until(
        d ->
            "true".equals(browser.find("#feed-tab-top-positive").getDomAttribute("aria-selected")));
    List<WebElement> titles = browser.all("#feed-panel [role=gridcell] .title");
    long onTopic =
        titles.stream().filter(t -> t.getDomAttribute("title").contains("car chase")).count();
    assertTrue(
        onTopic * 2 > titles.size(),
        onTopic + " of " + titles.size() + " top positives are car chases");
  }

  private void labelFromAFeedAndTurnThePage() throws Exception {
    List<String> page1 = browser.cellKeys("#feed-panel");
    String yes = browser.find("#count-yes b").getText();
    browser.keys("yy");
    browser.until(
        d -> Integer.parseInt(browser.find("#count-yes b").getText()) == Integer.parseInt(yes) + 2);
    // The count changes before the vote reaches the server: wait for the server's copy.
    WebFixture.awaitServer(
        "the feed's first clip stored", () -> annotations().containsKey(page1.getFirst()));
    JsonNode stored = annotationOf(page1.getFirst());
    assertEquals("feed", stored.get("source").get("kind").asText());
    assertEquals("top-positive", stored.get("source").get("feed").asText());
    browser.until(d -> browser.find(".page-info").getText().contains("next page ready"));
    browser.keys("]");
    browser.until(d -> browser.find(".page-info").getText().startsWith("Page 2"));
    List<String> page2 = browser.cellKeys("#feed-panel");
    assertFalse(page2.isEmpty());
    assertTrue(page2.stream().noneMatch(page1::contains), "page 2 repeats no clip of page 1");
    browser.screenshot("08-feed-page-2");
  }

  private void rebuildAddsAVersion() throws Exception {
    browser.keys("b");
    browser.until(d -> browser.find("#build-stage").getText().startsWith("Built v2"));
    browser.until(d -> browser.all(".ap-chart circle").size() == 2);
    assertEquals(2, browser.all("table.versions tbody tr").size(), "both model versions listed");
    assertEquals(1, browser.all(".ap-chart polyline").size(), "a line joins the builds");
    browser.screenshot("08b-rebuilt-v2");
    assertEquals(List.of(), browser.unnamedControls(), "build step controls without a name");
  }

  private void reviewAndFlip() throws Exception {
    browser.keys("r");
    browser.until(d -> browser.summary().contains("annotations"));
    List<String> keys = browser.cellKeys(".review-step");
    assertEquals(18, keys.size(), "review lists every annotation");
    browser.screenshot("09-review");
    assertEquals(List.of(), browser.unnamedControls(), "review step controls without a name");
    WebElement first = browser.focused();
    String key = first.getDomAttribute("data-key");
    String before = first.getDomAttribute("data-value");
    browser.keys("t");
    String expected = "yes".equals(before) ? "no" : "yes";
    browser.until(d -> expected.equals(first.getDomAttribute("data-value")));
    WebFixture.awaitServer(
        "the flip of " + key + " stored",
        () -> expected.equals(annotationOf(key).get("value").asText()));
    assertEquals("review", annotationOf(key).get("source").get("kind").asText());
    browser.screenshot("10-review-flipped");
    browser.keys(Keys.ARROW_RIGHT, Keys.DELETE);
    String removed = browser.focused().getDomAttribute("data-key");
    awaitStored(17);
    assertFalse(annotations().containsKey(removed), "Delete removed " + removed);
    browser.until(d -> "none".equals(browser.focused().getDomAttribute("data-value")));
    browser.find(".filters [data-filter=flipped]").click();
    browser.until(d -> browser.summary().contains("model disagrees"));
    browser.screenshot("11-review-model-disagrees");
  }

  private void exportAllFormats() throws Exception {
    for (String format : List.of("csv", "labelbox", "va")) {
      browser.find(".exports [data-format=" + format + "]").click();
      browser.until(d -> browser.find(".export-status").getText().startsWith("Saved"));
    }
    List<Path> files =
        browser.until(
            d -> {
              try (Stream<Path> listed = Files.list(browser.downloads)) {
                List<Path> done =
                    listed.filter(p -> !p.toString().endsWith(".crdownload")).toList();
                return done.size() == 3 ? done : null;
              } catch (Exception e) {
                return null;
              }
            });
    browser.screenshot("12-exported");
    String csv = read(files, ".csv");
    assertTrue(csv.lines().count() >= 18, "a header and a CSV row per annotation:\n" + csv);
    String ndjson = read(files, "json");
    assertTrue(ndjson.lines().findFirst().orElseThrow().contains("\"globalKey\""), ndjson);
    Path zip = files.stream().filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
    byte[] head = Files.readAllBytes(zip);
    assertTrue(head.length > 4 && head[0] == 'P' && head[1] == 'K', "VA export is a zip");
  }

  private void theKeyListAndTheLabelsPageSummary() throws Exception {
    browser.keys("?");
    browser.find("dialog#help[open]");
    browser.screenshot("13-key-list");
    browser.keys(Keys.ESCAPE);
    browser.until(d -> browser.all("dialog#help[open]").isEmpty());
    browser.keys("g");
    WebElement row = browser.find("table.labels tr[data-label='" + LABEL + "']");
    JsonNode counts = web.get("/api/labels/" + WebFixture.enc(LABEL)).get("counts");
    assertEquals(counts.get("yes").asText(), row.findElement(By.cssSelector("td.yes")).getText());
    assertTrue(
        row.getText().contains("v2"), "the labels page shows the latest model: " + row.getText());
    browser.screenshot("14-labels-page-with-model");
    everyScreenAtBothWidths();
  }

  // Issue 14: every screen at 1440 and 900 px, looked at; none may scroll sideways.
  private void everyScreenAtBothWidths() throws Exception {
    List<String> sideways = new java.util.ArrayList<>(browser.screenshotsAtBothWidths("20-labels"));
    for (String step : List.of("search", "build", "review", "team")) {
      browser.open(web.url("/#/label/" + LABEL + "/" + step));
      browser.find("#step-panel");
      sideways.addAll(browser.screenshotsAtBothWidths("21-" + step));
    }
    assertEquals(List.of(), sideways, "pages that scroll sideways");
  }

  private static String read(List<Path> files, String suffix) throws Exception {
    Path file =
        files.stream()
            .filter(p -> p.toString().endsWith(suffix))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no *" + suffix + " among " + files));
    return Files.readString(file);
  }

  private static Map<String, JsonNode> annotations() throws Exception {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode a :
        web.get("/api/labels/" + WebFixture.enc(LABEL) + "/annotations").get("annotations")) {
      out.put(a.get("key").asText(), a);
    }
    return out;
  }

  /** Waits until the server has stored this many annotations of the label. */
  private static void awaitStored(int count) {
    WebFixture.awaitServer(
        count + " annotations of " + LABEL + " stored", () -> annotations().size() == count);
  }

  private static JsonNode annotationOf(String key) throws Exception {
    JsonNode a = annotations().get(key);
    assertNotEquals(null, a, "no annotation stored for " + key);
    return a;
  }
}

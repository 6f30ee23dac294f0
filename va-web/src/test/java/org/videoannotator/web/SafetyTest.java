package org.videoannotator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * What the UI must never do: run HTML from user strings, fail silently, or keep showing a label the
 * server refused.
 */
class SafetyTest extends BrowserTestBase {
  private static final String HOSTILE = "<img src=x onerror=alert(1)>";

  @BeforeAll
  static void start() throws Exception {
    startWeb(11, "safety");
  }

  @Test
  void aLabelNamedLikeHtmlRendersAsText() throws Exception {
    web.post(
        "/api/labels",
        Map.of(
            "name",
            HOSTILE,
            "description",
            "<script>document.title='pwned'</script><b>bold?</b>",
            "keywords",
            List.of("<i>x</i>")));
    browser.open(web.url("/"));
    WebElement link = browser.find("table.labels a.label-link");
    assertEquals(HOSTILE, link.getText(), "the name is shown literally");
    assertNoInjectedMarkup();
    browser.screenshot("01-hostile-label-listed");

    link.sendKeys(Keys.ENTER);
    browser.until(d -> HOSTILE.equals(browser.find("#label-title").getText()));
    assertTrue(browser.find(".ws-title .description").getText().startsWith("<script>"));
    // The search box is prefilled with the label's keywords; searching echoes them as text too.
    browser.keys(Keys.ENTER);
    browser.until(
        d -> browser.summary().contains("<i>x</i>") || browser.summary().contains("Nothing found"));
    assertNoInjectedMarkup();
    browser.screenshot("02-hostile-label-workspace");
  }

  private static void assertNoInjectedMarkup() {
    assertThrows(
        NoAlertPresentException.class, () -> browser.driver.switchTo().alert(), "an alert fired");
    assertEquals(
        0L,
        browser.js(
            "return document.querySelectorAll('img[src=\"x\"], main script, main i').length"
                + " + [...document.querySelectorAll('main b')].filter(b => ['bold?', 'bob'].includes(b.textContent)).length"));
    assertTrue(!String.valueOf(browser.js("return document.title")).contains("pwned"));
  }

  // Two annotators in one browser (the "Voting as" field): their disagreement is listed in review,
  // and
  // an annotator name is text like any other user string.
  @Test
  void annotatorsWhoDisagreeAreListedInReview() throws Exception {
    web.post("/api/labels", Map.of("name", "shared", "description", "labelled by two people"));
    browser.open(web.url("/#/label/shared/search"));
    nameTheAnnotator("alice");
    browser.keys("/", "dog", Keys.ENTER);
    browser.until(d -> browser.summary().contains("dog"));
    String key = browser.focused().getDomAttribute("data-key");
    browser.keys("y");
    browser.until(d -> "1".equals(browser.find("#count-yes b").getText()));
    // The count changes before the vote reaches the server; Review reads the server.
    WebFixture.awaitServer(
        "alice's yes stored", () -> Map.of("alice", "yes").equals(web.votes("shared", key)));

    nameTheAnnotator("<b>bob</b>");
    browser.keys("r");
    browser.until(d -> browser.summary().contains("annotation"));
    browser
        .find("#step-panel [role=gridcell][data-key='" + key + "'] .meta")
        .click(); // the picture opens the inspector
    browser.keys("n");
    browser.until(d -> "1".equals(browser.find("#count-no b").getText()));
    WebFixture.awaitServer(
        "bob's no stored beside alice's yes",
        () -> Map.of("alice", "yes", "<b>bob</b>", "no").equals(web.votes("shared", key)));
    browser.find(".filters [data-filter=disagreements]").click();
    browser.until(d -> browser.summary().contains("annotators disagree"));
    assertEquals(List.of(key), browser.cellKeys("#step-panel"));
    String votes = browser.find("#step-panel [role=gridcell] .votes").getText();
    assertTrue(votes.contains("alice: yes") && votes.contains("<b>bob</b>: no"), votes);
    assertNoInjectedMarkup();
    browser.screenshot("03b-annotators-disagree");
  }

  private static void nameTheAnnotator(String name) {
    WebElement field = browser.find("#annotator");
    field.clear();
    field.sendKeys(name, Keys.TAB);
    browser.until(d -> name.equals(browser.js("return localStorage.getItem('va.annotator')")));
  }

  @Test
  void theServersReasonIsShownWhenABuildIsRefused() throws Exception {
    web.post("/api/labels", Map.of("name", "empty-label", "description", "nothing labelled yet"));
    browser.open(web.url("/#/label/empty-label/build"));
    // The empty feed states the build's real rule (2 of each), not "one yes and one no".
    assertTrue(
        browser.find("#step-panel").getText().contains("at least 2 yes and 2 no"),
        browser.find("#step-panel").getText());
    browser.find("#build").click();
    WebElement alert = browser.find("#alerts .alert-error");
    // A build without positives is a 409 whose detail says what to label: shown, not swallowed.
    assertTrue(alert.getText().contains("Could not build"), alert.getText());
    assertTrue(alert.getText().length() > "Could not build: ".length() + 10, alert.getText());
    browser.screenshot("03-build-refused");
    browser.find("#alerts .alert-close").click();
  }

  @Test
  void anEmptiedAnnotatorNameIsNotSilentlyAnonymous() throws Exception {
    browser.open(web.url("/"));
    nameTheAnnotator("carol");
    WebElement field = browser.find("#annotator");
    field.clear();
    field.sendKeys(Keys.TAB);
    // The newest alert (clearing the field to type "carol" raised one about the name before).
    browser.until(
        d ->
            browser.all("#alerts .alert-error").stream()
                .anyMatch(a -> a.getText().contains("\"carol\"")));
    WebElement alert = browser.all("#alerts .alert-error").getLast();
    assertTrue(alert.getText().contains("cannot be empty"), alert.getText());
    assertEquals("carol", browser.js("return localStorage.getItem('va.annotator')"));
    for (WebElement close : browser.all("#alerts .alert-close")) {
      close.click();
    }
  }

  @Test
  void aLabelTheServerRefusesIsRolledBack() throws Exception {
    web.post("/api/labels", Map.of("name", "doomed", "description", "deleted while annotating"));
    browser.open(web.url("/#/label/doomed/search"));
    browser.keys("spaceship", Keys.ENTER); // the search box opens focused, its text selected
    browser.until(d -> browser.summary().contains("spaceship"));
    WebElement first = browser.focused();
    web.delete("/api/labels/doomed"); // the POST of the next label now gets a 404
    browser.keys("y");
    browser.until(d -> "none".equals(first.getDomAttribute("data-value")));
    assertEquals("0", browser.find("#count-yes b").getText(), "the optimistic count is taken back");
    WebElement alert = browser.find("#alerts .alert-error");
    assertTrue(alert.getText().contains("Could not save"), alert.getText());
    browser.screenshot("04-label-rolled-back");
  }
}

package org.videoannotator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.videoannotator.server.auth.TokenAuth;
import org.videoannotator.server.store.Role;

/**
 * Issue 26 point 1 with accounts, in a real Chromium over HTTP: log in at the styled page (a wrong
 * secret and the rate limit say so), vote and find the vote stored under the account's name, log
 * out (the session ends on the server); a foreign site's forms are refused and change nothing; an
 * annotator cannot delete a label; an admin removes another annotator's vote from Review.
 */
class AccountsLoginTest extends BrowserTestBase {
  private static final String LABEL = "night-scene";

  @BeforeAll
  static void start() throws Exception {
    startWeb(
        13,
        "login-accounts",
        new WebFixture.Access(null, Map.of("ada", Role.ADMIN, "bob", Role.ANNOTATOR), false));
    web.post("/api/labels", Map.of("name", LABEL, "description", "shot at night"));
  }

  @BeforeEach
  void loggedOut() {
    browser.driver.get(web.url("/login"));
    browser.driver.manage().deleteAllCookies();
  }

  /** Logs in through the page's own form, as a person would. */
  static void logIn(String name, String secret) {
    browser.driver.get(web.url("/login"));
    browser.find("input[name=name]").sendKeys(name);
    browser.find("input[name=secret]").sendKeys(secret, Keys.ENTER);
  }

  static void awaitUi() {
    browser.until(
        d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
  }

  @Test
  void anAnnotatorLogsInVotesUnderTheirNameAndLogsOut() throws Exception {
    browser.driver.get(web.url("/")); // not logged in: the UI sends the browser to the login page
    browser.until(d -> d.getCurrentUrl().endsWith("/login"));
    logIn("bob", "not-his-secret");
    assertTrue(
        browser.find(".login-error").getText().contains("Wrong name or secret"),
        browser.find(".login").getText());
    browser.screenshot("01-wrong-secret");
    assertEquals(
        List.of(),
        browser.screenshotsAtBothWidths("01-login"),
        "a login page that scrolls sideways");

    logIn("bob", web.secrets.get("bob"));
    awaitUi();
    assertEquals("Logged in as bob annotator", browser.find("#account").getText());
    assertEquals("annotator", browser.find("#account .role").getText());
    assertTrue(browser.find("#logout button").isDisplayed(), "a Log out control");
    browser.open(web.url("/#/label/" + LABEL + "/search"));
    String key = labelTheFirstResult("city street", "y");
    WebFixture.awaitServer(
        "bob's yes on " + key, () -> Map.of("bob", "yes").equals(web.votes(LABEL, key)));
    browser.screenshot("02-bob-voted");

    // An annotator is not offered "Delete label", and the server refuses it from this very session.
    assertTrue(browser.all("#delete-label").isEmpty(), "an annotator sees no Delete label");
    Object status =
        browser.driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " fetch('/api/labels/"
                + LABEL
                + "', {method: 'DELETE'}).then(r => done(r.status), e => done(String(e)));");
    assertEquals(403L, status);
    assertEquals(
        LABEL, web.get("/api/labels/" + LABEL).get("name").asText(), "the label is still there");

    String session = browser.driver.manage().getCookieNamed(TokenAuth.COOKIE).getValue();
    assertEquals(200, web.statusWithCookie("/api/info", TokenAuth.COOKIE + "=" + session));
    browser.find("#logout button").click();
    browser.find("input[name=secret]");
    assertEquals(
        401,
        web.statusWithCookie("/api/info", TokenAuth.COOKIE + "=" + session),
        "log-out ended the session on the server, not just in the browser");
  }

  @Test
  void anAdminRemovesAnotherAnnotatorsVoteInReview() throws Exception {
    String only = web.firstClip("dog");
    String shared = web.firstClip("forest");
    voteAs("bob", only, "yes");
    voteAs("bob", shared, "no");
    voteAs("ada", shared, "yes");
    logIn("ada", web.secrets.get("ada"));
    awaitUi();
    assertTrue(
        browser.find("#account").getText().contains("admin"), browser.find("#account").getText());
    browser.open(web.url("/#/label/" + LABEL + "/review"));
    browser.until(d -> browser.summary().contains("annotation"));
    browser.screenshot("03-admin-review");

    // "Remove" on a clip only bob voted on removes bob's vote (it used to try ada's own and fail).
    browser.find("#step-panel [role=gridcell][data-key='" + only + "'] button.danger").click();
    WebFixture.awaitServer(
        "bob's vote on " + only + " removed", () -> web.votes(LABEL, only).isEmpty());
    // The list is read again after a removal: wait for it, and click again should it re-render
    // meanwhile.
    browser.until(
        d -> browser.all("#step-panel [role=gridcell][data-key='" + only + "']").isEmpty());
    // On a clip both voted on, the × beside a name removes that annotator's vote only.
    browser.until(
        d -> {
          browser
              .find(
                  "#step-panel [role=gridcell][data-key='"
                      + shared
                      + "'] .vote-remove[data-annotator=bob]")
              .click();
          return true;
        });
    WebFixture.awaitServer(
        "only ada's vote left on " + shared,
        () -> Map.of("ada", "yes").equals(web.votes(LABEL, shared)));
    assertTrue(browser.all("#alerts .alert-error").isEmpty(), "no error shown");
    browser.screenshot("04-admin-removed-bobs-votes");

    // An admin may delete a label from its workspace.
    web.post("/api/labels", Map.of("name", "scratch", "description", "to delete"));
    browser.open(web.url("/#/label/scratch/search"));
    browser.find("#delete-label").click();
    browser.driver.switchTo().alert().accept();
    browser.until(d -> browser.all("#label-title").isEmpty());
    assertTrue(
        web.get("/api/labels").findValues("name").stream()
            .noneMatch(n -> "scratch".equals(n.asText())));
  }

  @Test
  void aForeignSitesFormsAreRefusedAndChangeNothing() throws Exception {
    logIn("ada", web.secrets.get("ada"));
    awaitUi();
    Cookie adaSession = browser.driver.manage().getCookieNamed(TokenAuth.COOKIE);
    try (ForeignSite evil = new ForeignSite()) {
      // A JSON body smuggled through a text/plain form, while ada is logged in.
      String smuggle =
          evil.page(
              "/label",
              """
          <!doctype html><title>win a prize</title>
          <form id=f method=post enctype=text/plain action="%s">
          <input name='{"name":"evil","description":"x","pad":"' value='"}'></form>
          <script>document.getElementById('f').submit()</script>
          """
                  .formatted(web.url("/api/labels")));
      browser.driver.get(smuggle);
      browser.until(d -> d.getPageSource().contains("cross-origin"));
      assertTrue(
          web.get("/api/labels").findValues("name").stream()
              .noneMatch(n -> "evil".equals(n.asText())),
          "the foreign form created no label");

      // Login CSRF: logging the victim into the attacker's account, with and without hiding the
      // origin.
      browser.driver.manage().deleteAllCookies();
      for (String policy : List.of("no-referrer", "strict-origin-when-cross-origin")) {
        browser.driver.get(web.url("/login"));
        browser.driver.manage().deleteAllCookies();
        String login =
            evil.page(
                "/login-" + policy,
                """
            <!doctype html><meta name=referrer content=%s><title>hello</title>
            <form id=f method=post action="%s"><input name=name value=bob><input name=secret value="%s"></form>
            <script>document.getElementById('f').submit()</script>
            """
                    .formatted(policy, web.url("/login"), web.secrets.get("bob")));
        browser.driver.get(login);
        browser.until(d -> d.getPageSource().contains("cross-origin"));
        browser.screenshot("05-foreign-login-refused-" + policy);
        browser.driver.get(web.url("/login"));
        assertNull(
            browser.driver.manage().getCookieNamed(TokenAuth.COOKIE),
            policy + ": the server started a session");
      }
    }
    assertEquals(
        200, web.statusWithCookie("/api/info", TokenAuth.COOKIE + "=" + adaSession.getValue()));
  }

  @Test
  void theRateLimitSaysHowLongToWait() throws Exception {
    for (int i = 0; i < 5; i++) {
      logIn("mallory", "guess-" + i);
      browser.find(".login-error");
    }
    // A throttled name and address keep one late check every 10 s (so the owner's right secret
    // still gets in): a guess past the limit may use it and be answered "wrong"; the next waits.
    String message = "";
    for (int i = 5; i < 8 && !message.startsWith("Too many"); i++) {
      logIn("mallory", "guess-" + i);
      message = browser.find(".login-error").getText();
    }
    assertTrue(message.matches("Too many login attempts: wait \\d+ s, then try again\\."), message);
    browser.screenshot("06-rate-limited");
  }

  private static void voteAs(String name, String key, String value) throws Exception {
    web.send(
        HttpRequest.newBuilder(URI.create(web.url("/api/labels/" + LABEL + "/annotations")))
            .header("Authorization", "Bearer " + name + ":" + web.secrets.get(name))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"key\":\"" + key + "\",\"value\":\"" + value + "\"}"))
            .build());
  }
}

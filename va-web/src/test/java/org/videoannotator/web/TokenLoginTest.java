package org.videoannotator.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.videoannotator.server.auth.TokenAuth;
import org.videoannotator.server.store.Role;

/**
 * Issue 26 point 1 with one shared token, in a real Chromium over HTTPS (a certificate made for the
 * test): log in (a wrong token says so), see that votes would go to "anonymous", name oneself, vote
 * and find the vote stored under that name, log out (the session ends on the server).
 */
class TokenLoginTest extends BrowserTestBase {
  private static final String TOKEN = "correct-horse-battery";
  private static final String LABEL = "rainy-day";

  @BeforeAll
  static void start() throws Exception {
    startWeb(17, "login-token", new WebFixture.Access(TOKEN, Map.<String, Role>of(), true));
    web.post("/api/labels", Map.of("name", LABEL, "description", "rain on screen"));
  }

  @Test
  void logsInWithTheTokenOverHttpsVotesUnderTheNameGivenAndLogsOut() throws Exception {
    assertTrue(web.url("/").startsWith("https://"));
    browser.driver.get(web.url("/"));
    WebElement token = browser.find("input[name=token]"); // sent to the login page
    token.sendKeys("not-the-token", Keys.ENTER);
    assertTrue(
        browser.find(".login-error").getText().contains("Wrong access token"),
        browser.find(".login").getText());
    browser.screenshot("01-wrong-token");
    browser.find("input[name=token]").sendKeys(TOKEN, Keys.ENTER);
    browser.until(
        d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    Cookie session = browser.driver.manage().getCookieNamed(TokenAuth.COOKIE);
    assertTrue(
        session.isSecure() && session.isHttpOnly(),
        "the session cookie is Secure and HttpOnly over HTTPS");

    // No accounts: the name is the browser's own, and the page says when votes would be anonymous.
    assertTrue(
        browser.find("#anonymous-hint").getText().contains("anonymous"),
        "the page says votes are anonymous");
    assertTrue(browser.find("#logout button").isDisplayed());
    WebElement name = browser.find("#annotator");
    name.sendKeys("tina", Keys.TAB);
    browser.until(d -> !browser.find("#annotator").getDomAttribute("class").contains("anonymous"));
    assertTrue(browser.all("#anonymous-hint").stream().noneMatch(WebElement::isDisplayed));
    browser.screenshot("02-logged-in-as-tina");

    browser.open(web.url("/#/label/" + LABEL + "/search"));
    String key = labelTheFirstResult("spaceship", "n");
    WebFixture.awaitServer(
        "tina's no on " + key, () -> Map.of("tina", "no").equals(web.votes(LABEL, key)));

    assertEquals(
        200, web.statusWithCookie("/api/info", TokenAuth.COOKIE + "=" + session.getValue()));
    browser.find("#logout button").click();
    browser.find("input[name=token]");
    assertEquals(
        401,
        web.statusWithCookie("/api/info", TokenAuth.COOKIE + "=" + session.getValue()),
        "log-out ended the session on the server");
  }
}

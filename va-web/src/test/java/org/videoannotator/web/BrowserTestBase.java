package org.videoannotator.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * One real server and one browser per test class: subclasses call {@link #startWeb} from their
 * {@code @BeforeAll}; everything is closed after the class, and a failing test leaves a screenshot.
 */
@Tag("browser") // drives a real Chromium
abstract class BrowserTestBase {
  static WebFixture web;
  static Browser browser;

  @RegisterExtension final ScreenshotOnFailure onFailure = new ScreenshotOnFailure(() -> browser);

  /**
   * @param suite names the screenshots folder
   */
  static void startWeb(long seed, String suite) throws Exception {
    startWeb(seed, suite, WebFixture.Access.OPEN);
  }

  /** The same, with a server that needs a token or accounts, or serves HTTPS. */
  static void startWeb(long seed, String suite, WebFixture.Access access) throws Exception {
    web = WebFixture.start(seed, WebFixture.screenshotsDir(suite), access);
    browser = web.browser;
  }

  /**
   * In the open workspace: searches for {@code query} ("/" focuses the box), presses {@code key}
   * (y, n, u) on the first result, and returns that clip's key. The vote may not be stored yet.
   */
  static String labelTheFirstResult(String query, String key) {
    browser.keys("/", query, Keys.ENTER);
    browser.until(d -> browser.summary().contains(query));
    String clip = browser.focused().getDomAttribute("data-key");
    browser.keys(key);
    return clip;
  }

  @AfterAll
  static void stopWeb() throws Exception {
    try {
      if (web != null) {
        web.close();
      }
    } finally {
      web = null;
      browser = null;
    }
  }
}

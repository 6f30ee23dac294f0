package org.videoannotator.web;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One real server and one browser per test class: subclasses call {@link #startWeb} from their
 * {@code @BeforeAll}; everything is closed after the class, and a failing test leaves a screenshot.
 */
@Tag("browser") // drives a real Chromium
abstract class BrowserTestBase {
  static WebFixture web;
  static Browser browser;

  @RegisterExtension
  final ScreenshotOnFailure onFailure = new ScreenshotOnFailure(() -> browser);

  /** @param suite names the screenshots folder */
  static void startWeb(long seed, String suite) throws Exception {
    web = WebFixture.start(seed, WebFixture.screenshotsDir(suite));
    browser = web.browser;
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

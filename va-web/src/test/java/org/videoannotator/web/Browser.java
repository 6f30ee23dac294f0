package org.videoannotator.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through its own ChromeDriver, at a 1366x768 laptop size. Both
 * binaries are named explicitly so Selenium Manager never tries to download anything.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(20);

  final ChromeDriver driver;
  final Path downloads;
  private final Path profile;
  private final Path screenshots;

  private Browser(ChromeDriver driver, Path profile, Path downloads, Path screenshots) {
    this.driver = driver;
    this.profile = profile;
    this.downloads = downloads;
    this.screenshots = screenshots;
  }

  /**
   * Starts the browser; fails (never skips) when Chromium or its driver is missing, because CI
   * installs them and a silently skipped browser test proves nothing.
   *
   * @param screenshots folder for {@link #screenshot} files (created)
   */
  static Browser start(Path screenshots) throws IOException {
    requireInstalled();
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile = Files.createTempDirectory("va-web-chromium-");
    Path downloads = Files.createDirectories(profile.resolve("downloads"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,768",
        "--user-data-dir=" + profile.resolve("profile"));
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    // The HTTPS tests' servers use a certificate made for the test: accept it as a user who
    // clicked through the warning would (the page is still a secure context, cookies stay Secure).
    options.setAcceptInsecureCerts(true);
    // An alert must stay open so a test can see it fired (the HTML-injection check).
    options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1366, 768));
    return new Browser(driver, profile, downloads, Files.createDirectories(screenshots));
  }

  /** Fails the test with what to install when Chromium or its driver is missing. */
  static void requireInstalled() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail(
          "The browser tests need Debian's Chromium and its driver at "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + ": run 'apt-get install -y chromium chromium-driver' (.ci/run does).");
    }
  }

  /** Opens a page of the UI and waits until its first screen has rendered. */
  void open(String url) {
    driver.get("about:blank"); // a fresh page even when only the #fragment differs
    driver.get(url);
    until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
  }

  <T> T until(Function<WebDriver, T> condition) {
    // Cells and counts are re-rendered as the annotator works: a stale element means "look again".
    return new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  WebElement find(String css) {
    return until(
        d -> {
          List<WebElement> found = d.findElements(By.cssSelector(css));
          return found.isEmpty() || !found.getFirst().isDisplayed() ? null : found.getFirst();
        });
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The status line of the step on screen (search or review). */
  String summary() {
    return find("#step-panel .summary").getText();
  }

  /** The clip keys of the grid cells under {@code scope}, in order. */
  List<String> cellKeys(String scope) {
    return all(scope + " [role=gridcell]").stream()
        .map(c -> c.getDomAttribute("data-key"))
        .toList();
  }

  /**
   * Controls on screen whose accessible name, as Chromium computes it for assistive technology, is
   * empty: each described by tag, id and classes.
   */
  List<String> unnamedControls() {
    // A page that re-renders while it is read (a preview or a feed page arriving) leaves stale
    // elements behind: read the settled page again rather than fail on the race.
    for (int attempt = 1; ; attempt++) {
      try {
        return unnamedControlsOnce();
      } catch (StaleElementReferenceException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  private List<String> unnamedControlsOnce() {
    return all(
            "button, input, select, textarea, a[href], [role=gridcell], [role=tab], [role=grid], "
                + "[role=tablist], [role=tabpanel], dialog[open]")
        .stream()
        .filter(WebElement::isDisplayed)
        .filter(e -> e.getAccessibleName() == null || e.getAccessibleName().isBlank())
        .map(e -> e.getTagName() + "#" + e.getDomAttribute("id") + "." + e.getDomAttribute("class"))
        .toList();
  }

  /** Types keys to whatever has focus, as a person at the keyboard would. */
  void keys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The element that has keyboard focus. */
  WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /**
   * Saves PNGs of the page at 1440 and at 900 px wide ({@code <name>-1440.png}, {@code
   * <name>-900.png}), then restores the test's window size; also reports whether the page scrolled
   * sideways at either width.
   */
  List<String> screenshotsAtBothWidths(String name) throws IOException {
    return screenshotsAtBothWidths(name, null);
  }

  /** The same, with the element {@code css} scrolled into view at each width (when not null). */
  List<String> screenshotsAtBothWidths(String name, String css) throws IOException {
    Dimension original = driver.manage().window().getSize();
    List<String> sideways = new java.util.ArrayList<>();
    try {
      for (int width : new int[] {1440, 900}) {
        driver.manage().window().setSize(new Dimension(width, 900));
        until(d -> Boolean.TRUE);
        if (css != null) {
          js("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", css);
        }
        screenshot(name + "-" + width);
        Object overflow =
            js(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
        if (Boolean.TRUE.equals(overflow)) {
          sideways.add(name + " at " + width + " px");
        }
      }
    } finally {
      driver.manage().window().setSize(original);
    }
    return sideways;
  }

  /** Saves a PNG of the window as {@code <name>.png} in the screenshots folder. */
  Path screenshot(String name) throws IOException {
    Path file = screenshots.resolve(name + ".png");
    Files.copy(
        driver.getScreenshotAs(OutputType.FILE).toPath(),
        file,
        StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

package org.videoannotator.web;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Saves what the browser showed when a test failed, beside the step screenshots. */
final class ScreenshotOnFailure implements TestWatcher {
  private final Supplier<Browser> browser;

  ScreenshotOnFailure(Supplier<Browser> browser) {
    this.browser = browser;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Browser b = browser.get();
    if (b == null) {
      return;
    }
    try {
      b.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }
}

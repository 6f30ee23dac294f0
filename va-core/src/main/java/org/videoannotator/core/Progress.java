package org.videoannotator.core;

import java.time.Duration;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress reporting for long work. On a terminal it draws a bar with rate and ETA on stderr; when
 * output is not a terminal (CI, tests) the same bar prints a line now and then instead. Close it
 * (try-with-resources) when the work ends.
 */
public final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /** A bar for {@code total} units of work ({@code -1} when unknown). */
  public static Progress start(String task, long total, String unit) {
    ProgressBarBuilder builder =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setUnit(" " + unit, 1)
            .setStyle(ProgressBarStyle.ASCII)
            .showSpeed()
            .setMaxRenderedLength(100)
            .continuousUpdate();
    if (System.console() == null) {
      // Logs and CI: a plain line every few seconds instead of carriage-return redraws.
      builder
          .setUpdateIntervalMillis(5_000)
          .setConsumer(new DelegatingProgressBarConsumer(System.err::println, 100));
    } else {
      builder.setUpdateIntervalMillis(500);
    }
    return new Progress(builder.build());
  }

  public void step() {
    bar.step();
  }

  public void stepBy(long n) {
    bar.stepBy(n);
  }

  public void extraMessage(String message) {
    bar.setExtraMessage(message);
  }

  public void maxHint(long total) {
    bar.maxHint(total);
  }

  public Duration elapsed() {
    return bar.getTotalElapsed();
  }

  @Override
  public void close() {
    bar.close();
  }
}

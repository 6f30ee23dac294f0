package org.videoannotator.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs work over row ranges {@code [from, to)} on a few platform threads. */
public final class ParallelRows {
  /** Work on one contiguous range of rows. */
  @FunctionalInterface
  public interface RangeTask {
    void run(int from, int to);
  }

  private ParallelRows() {}

  /** Default thread count: the available processors. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Splits {@code [0, rows)} into {@code threads} contiguous ranges and runs them in parallel. */
  public static void forEach(int rows, int threads, RangeTask task) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    int parts = Math.max(1, Math.min(threads, rows / 1024 + 1));
    if (parts == 1) {
      task.run(0, rows);
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(parts, Thread.ofPlatform().daemon().factory());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        int from = (int) ((long) rows * p / parts);
        int to = (int) ((long) rows * (p + 1) / parts);
        futures.add(pool.submit(() -> task.run(from, to)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}

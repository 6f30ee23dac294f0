package org.videoannotator.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs work over row ranges {@code [from, to)}, or over task indices, on a few platform threads.
 */
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
    map(
        parts,
        parts,
        p -> {
          task.run((int) ((long) rows * p / parts), (int) ((long) rows * (p + 1) / parts));
          return null;
        });
  }

  /**
   * Runs {@code task(0..count-1)} on up to {@code threads} platform threads and returns the results
   * in index order; a task's runtime exception is rethrown as is.
   */
  public static <T> List<T> map(int count, int threads, IntFunction<T> task) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    List<T> results = new ArrayList<>(count);
    if (threads == 1 || count <= 1) {
      for (int i = 0; i < count; i++) {
        results.add(task.apply(i));
      }
      return results;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, count), Thread.ofPlatform().daemon().factory());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> task.apply(index)));
      }
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
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

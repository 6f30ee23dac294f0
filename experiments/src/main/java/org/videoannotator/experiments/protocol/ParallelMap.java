package org.videoannotator.experiments.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.videoannotator.core.Progress;

/**
 * Applies a function to every item on a fixed pool of threads, with a progress bar; results in item
 * order.
 */
public final class ParallelMap {
  private ParallelMap() {}

  public static <T, R> List<R> apply(
      List<T> items, int threads, String task, String unit, Function<T, R> f) {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(threads, Math.max(1, items.size()))));
    try (Progress progress = Progress.start(task, items.size(), unit)) {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(
            pool.submit(
                () -> {
                  try {
                    return f.apply(item);
                  } finally {
                    progress.step();
                  }
                }));
      }
      List<R> results = new ArrayList<>(items.size());
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(task + " interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(task + " failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}

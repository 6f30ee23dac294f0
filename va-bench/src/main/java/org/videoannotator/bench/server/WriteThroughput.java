package org.videoannotator.bench.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.videoannotator.server.ServerRuntime;
import org.videoannotator.server.store.NewVote;
import org.videoannotator.server.store.Source;
import org.videoannotator.server.store.Value;
import org.videoannotator.testkit.JsonHttp;

/**
 * Acknowledged votes per second through HTTP, by several clients at once, on a label with an empty
 * log and on one whose log already holds {@code logSize} events: the store must not slow down as
 * its log grows (it once re-read a label's whole log on reads racing another writer). Each label is
 * read once before its timed burst: that first read projects the log (once per label and process),
 * a cost of its own, reported apart; inside a burst of a few seconds it hid the per-write rate.
 */
final class WriteThroughput {
  /** Votes per second on the fresh and on the long log; the long label's first read in ms. */
  record Report(
      double freshPerSecond,
      double longLogPerSecond,
      long logSize,
      int clients,
      double seconds,
      double longLogFirstReadMillis) {
    double ratio() {
      return freshPerSecond / longLogPerSecond;
    }
  }

  private WriteThroughput() {}

  static Report run(Path corpusDir, List<String> keys, int clients, double seconds, long logSize)
      throws Exception {
    try (ServerRuntime runtime = ServerRuntime.open(corpusDir, null)) {
      String url = runtime.start("127.0.0.1", 0).replaceAll("/$", "");
      String fresh = "write-fresh-" + System.nanoTime();
      String full = "write-long-" + System.nanoTime();
      runtime.store().createLabel(fresh, "", List.of());
      runtime.store().createLabel(full, "", List.of());
      // The long log, written straight to the store in large transactions.
      List<NewVote> batch = new ArrayList<>();
      for (long i = 0; i < logSize; i++) {
        batch.add(
            new NewVote(
                keys.get((int) (i % keys.size())),
                i % 3 == 0 ? Value.NO : Value.YES,
                "seed-" + (i / keys.size()),
                Source.other()));
        if (batch.size() == 5_000 || i == logSize - 1) {
          runtime.store().append(full, batch);
          batch = new ArrayList<>();
        }
      }
      firstReadMillis(url, fresh);
      double freshRate = votesPerSecond(url, fresh, keys, clients, seconds);
      double firstRead = firstReadMillis(url, full);
      double longRate = votesPerSecond(url, full, keys, clients, seconds);
      return new Report(freshRate, longRate, logSize, clients, seconds, firstRead);
    }
  }

  /** Reads a label's current annotations once (the read that projects its log), in ms. */
  private static double firstReadMillis(String url, String label) {
    long t = System.nanoTime();
    int status = new JsonHttp(url).get("/api/labels/" + label + "/annotations").status();
    if (status != 200) {
      throw new IllegalStateException(
          "reading the current annotations of " + label + " answered " + status);
    }
    return (System.nanoTime() - t) / 1e6;
  }

  private static double votesPerSecond(
      String url, String label, List<String> keys, int clients, double seconds) throws Exception {
    AtomicLong acknowledged = new AtomicLong();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        running.add(
            pool.submit(
                () -> {
                  JsonHttp http = new JsonHttp(url);
                  for (int i = 0; System.nanoTime() < end; i++) {
                    String key = keys.get((client * 7919 + i) % keys.size());
                    var reply =
                        http.post(
                            "/api/labels/" + label + "/annotations",
                            Map.of(
                                "annotations",
                                List.of(
                                    Map.of(
                                        "key",
                                        key,
                                        "value",
                                        i % 2 == 0 ? "yes" : "no",
                                        "annotator",
                                        "writer-" + client))));
                    if (reply.status() == 201) {
                      acknowledged.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return acknowledged.get() / seconds;
  }
}

package org.videoannotator.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.videoannotator.testkit.JsonHttp;

/**
 * The crash test: several simulated annotators label as fast as they can against a server in a
 * child JVM; mid-burst the server is killed with SIGKILL; it is started again and every annotation
 * it had acknowledged (HTTP 201, event id in hand) must be in its log.
 */
public final class DurabilityCheck {
  /** Outcome: acknowledged events, how many of them the restarted server has, and extras. */
  public record Report(
      int clients,
      double seconds,
      long acknowledged,
      long found,
      long missing,
      long failedAfterKill,
      long eventsAfterRestart) {
    public double perSecond() {
      return acknowledged / seconds;
    }
  }

  private DurabilityCheck() {}

  /**
   * @param corpusDir a corpus folder no other process is serving
   * @param keys clip keys to label
   */
  public static Report run(
      Path corpusDir, String label, List<String> keys, int clients, Duration burst)
      throws IOException, InterruptedException {
    ConcurrentLinkedQueue<Long> acked = new ConcurrentLinkedQueue<>();
    AtomicLong failed = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    long start;
    try (ChildServer server = ChildServer.start(corpusDir)) {
      JsonHttp setup = new JsonHttp(server.url());
      JsonHttp.Reply created = setup.post("/api/labels", Map.of("name", label));
      if (created.status() != 201 && created.status() != 409) {
        throw new IOException(
            "could not create label " + label + ": " + created.status() + " " + created.body());
      }
      Thread[] threads = new Thread[clients];
      for (int c = 0; c < clients; c++) {
        int client = c;
        threads[c] =
            new Thread(
                () -> label(server.url(), label, keys, client, stop, acked, failed),
                "annotator-" + c);
      }
      start = System.nanoTime();
      for (Thread t : threads) {
        t.start();
      }
      Thread.sleep(burst.toMillis());
      server.kill(); // mid-burst: the clients are still sending
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Set<Long> present = new HashSet<>();
    try (ChildServer restarted = ChildServer.start(corpusDir)) {
      JsonHttp client = new JsonHttp(restarted.url());
      for (int offset = 0; ; offset += 10_000) {
        JsonNode events =
            client
                .get("/api/labels/" + label + "/history?limit=10000&offset=" + offset)
                .json()
                .get("events");
        events.forEach(e -> present.add(e.get("id").asLong()));
        if (events.size() < 10_000) {
          break;
        }
      }
    }
    long found = acked.stream().filter(present::contains).count();
    return new Report(
        clients, seconds, acked.size(), found, acked.size() - found, failed.get(), present.size());
  }

  private static void label(
      String url,
      String label,
      List<String> keys,
      int client,
      AtomicBoolean stop,
      ConcurrentLinkedQueue<Long> acked,
      AtomicLong failed) {
    JsonHttp http = new JsonHttp(url);
    SplittableRandom random = new SplittableRandom(client);
    while (!stop.get()) {
      String key = keys.get(random.nextInt(keys.size()));
      Map<String, Object> vote =
          Map.of(
              "key",
              key,
              "value",
              random.nextBoolean() ? "yes" : "no",
              "annotator",
              "client-" + client,
              "source",
              Map.of("kind", "other"));
      try {
        JsonHttp.Reply r = http.post("/api/labels/" + label + "/annotations", vote);
        if (r.status() == 201) {
          acked.add(r.json().get("events").get(0).get("id").asLong());
        } else {
          failed.incrementAndGet();
        }
      } catch (UncheckedIOException e) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        failed.incrementAndGet(); // the server is gone: not acknowledged, so not owed
      }
    }
  }
}

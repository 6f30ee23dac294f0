package org.videoannotator.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.videoannotator.server.api.ApiException;

/**
 * Throttles guessing: after {@link #LIMIT} wrong tokens from one client address within
 * {@link #WINDOW}, that address is refused (429, with {@code Retry-After}) until the oldest of them
 * leaves the window. 300 guesses in a second became 5 a minute.
 */
final class FailedAttempts {
  static final int LIMIT = 5;
  static final Duration WINDOW = Duration.ofMinutes(1);
  /** Addresses tracked at most; the oldest entries go first when full (a flood of addresses). */
  private static final int MAX_CLIENTS = 10_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> byClient = new ConcurrentHashMap<>();

  FailedAttempts(Clock clock) {
    this.clock = clock;
  }

  void refuseIfThrottled(String client) {
    Deque<Instant> times = byClient.get(client);
    if (times == null) {
      return;
    }
    synchronized (times) {
      Instant now = clock.instant();
      while (!times.isEmpty() && times.peekFirst().plus(WINDOW).isBefore(now)) {
        times.pollFirst();
      }
      if (times.size() >= LIMIT) {
        long wait = Math.max(1, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds());
        throw new ApiException(429, "too-many-attempts", "Authorization",
            LIMIT + " wrong tokens from this address within a minute; try again in " + wait + " s")
            .withHeader("Retry-After", String.valueOf(wait));
      }
    }
  }

  void record(String client) {
    if (byClient.size() >= MAX_CLIENTS) {
      byClient.clear();
    }
    Deque<Instant> times = byClient.computeIfAbsent(client, c -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.instant());
    }
  }

  void clear(String client) {
    byClient.remove(client);
  }
}

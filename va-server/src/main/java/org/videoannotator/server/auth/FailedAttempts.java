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
 * Throttles guessing per (account name, client address) pair: at most {@link #LIMIT} unconfirmed
 * attempts within {@link #WINDOW}. An attempt is counted <em>before</em> its secret is checked
 * ({@link #admit}), so 300 concurrent guesses from one address get 5 checks, not 53; a right
 * secret takes its own attempt back ({@link #forgive}). Keying by the pair means guesses at one
 * account do not lock another account out of the same address (a shared NAT, the loopback).
 */
final class FailedAttempts {
  static final int LIMIT = 5;
  static final Duration WINDOW = Duration.ofMinutes(1);
  /** Pairs tracked at most: past it, expired entries are dropped, then new pairs wait (429). */
  private static final int MAX_KEYS = 100_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> byKey = new ConcurrentHashMap<>();

  FailedAttempts(Clock clock) {
    this.clock = clock;
  }

  /** The throttle key of {@code name} tried from {@code client} (name null: the shared token). */
  static String key(String name, String client) {
    return (name == null ? "" : name) + "\n" + client;
  }

  /** Counts an attempt for {@code key}, or refuses it (429) when the window already holds {@link #LIMIT}. */
  void admit(String key) {
    if (byKey.size() >= MAX_KEYS && !byKey.containsKey(key)) {
      purgeExpired();
      if (byKey.size() >= MAX_KEYS) {
        throw refusal(WINDOW.toSeconds(), "too many different names are being tried");
      }
    }
    Deque<Instant> times = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      Instant now = clock.instant();
      dropExpired(times, now);
      if (times.size() >= LIMIT) {
        long wait = Math.max(1, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds());
        throw refusal(wait, LIMIT + " wrong secrets for this name from this address within a minute");
      }
      times.addLast(now);
    }
  }

  /** The secret was right: the attempt just counted for {@code key} is not held against it. */
  void forgive(String key) {
    Deque<Instant> times = byKey.get(key);
    if (times != null) {
      synchronized (times) {
        times.pollLast();
      }
    }
  }

  private void purgeExpired() {
    Instant now = clock.instant();
    byKey.values().removeIf(times -> {
      synchronized (times) {
        dropExpired(times, now);
        return times.isEmpty();
      }
    });
  }

  private static void dropExpired(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && times.peekFirst().plus(WINDOW).isBefore(now)) {
      times.pollFirst();
    }
  }

  private static ApiException refusal(long waitSeconds, String why) {
    return new ApiException(429, "too-many-attempts", "Authorization", why + "; try again in " + waitSeconds + " s")
        .withHeader("Retry-After", String.valueOf(waitSeconds));
  }
}

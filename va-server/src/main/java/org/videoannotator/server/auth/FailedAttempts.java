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
 * ({@link #admit}), so 300 concurrent guesses from one address get a handful of checks, not 53; a
 * right secret takes its own attempt back ({@link #forgive}). Keying by the pair means guesses at
 * one account do not lock another account out of the same address (a shared NAT, the loopback).
 *
 * <p>A throttled pair is not locked out: it may still have one check every {@link #LATE_SPACING} (a
 * late check), so the owner's right secret, typed after a few typos or while someone behind the
 * same address guesses at the name, gets in within seconds instead of failing for the whole window.
 * Late checks of all pairs together are at most {@link #LATE_PER_SECOND} a second, so throttled
 * pairs cannot take the slow-check queue ({@link PasswordChecks}) from fresh ones. A late check is
 * claimed before it runs, like any other.
 */
final class FailedAttempts {
  static final int LIMIT = 5;
  static final Duration WINDOW = Duration.ofMinutes(1);
  static final Duration LATE_SPACING = Duration.ofSeconds(10);
  static final int LATE_PER_SECOND = 2;
  private static final Duration LATE_GAP = Duration.ofSeconds(1).dividedBy(LATE_PER_SECOND);

  /** Pairs tracked at most: past it, expired entries are dropped, then new pairs wait (429). */
  private static final int MAX_KEYS = 100_000;

  private final Clock clock;
  private final Map<String, Pair> byKey = new ConcurrentHashMap<>();

  /** When the next late check of any pair may run; guarded by {@code this}. */
  private Instant nextLate = Instant.MIN;

  /** One pair's unconfirmed attempts in the window, and when its last late check ran. */
  private static final class Pair {
    final Deque<Instant> times = new ArrayDeque<>();
    Instant lastLate;
  }

  /** How an attempt was let through: {@link #forgive} takes back exactly that. */
  enum Admission {
    COUNTED,
    LATE
  }

  FailedAttempts(Clock clock) {
    this.clock = clock;
  }

  /** The throttle key of {@code name} tried from {@code client} (name null: the shared token). */
  static String key(String name, String client) {
    return (name == null ? "" : name) + "\n" + client;
  }

  /**
   * Counts an attempt for {@code key}, or lets a throttled pair have its late check, or refuses
   * (429 with {@code Retry-After}).
   */
  Admission admit(String key) {
    if (byKey.size() >= MAX_KEYS && !byKey.containsKey(key)) {
      purgeExpired();
      if (byKey.size() >= MAX_KEYS) {
        throw refusal(WINDOW.toSeconds(), "too many different names are being tried");
      }
    }
    Pair pair = byKey.computeIfAbsent(key, k -> new Pair());
    synchronized (pair) {
      Instant now = clock.instant();
      dropExpired(pair.times, now);
      if (pair.times.size() < LIMIT) {
        pair.times.addLast(now);
        return Admission.COUNTED;
      }
      Instant lateAgain = pair.lastLate == null ? now : pair.lastLate.plus(LATE_SPACING);
      if (!lateAgain.isAfter(now) && claimLateSlot(now)) {
        pair.lastLate = now;
        return Admission.LATE;
      }
      long wait = Math.max(1, Duration.between(now, lateAgain).toSeconds());
      throw refusal(wait, LIMIT + " wrong secrets for this name from this address within a minute");
    }
  }

  /**
   * The secret was right, or never checked: the attempt {@link #admit} let through is not held
   * against the pair.
   */
  void forgive(String key, Admission admission) {
    Pair pair = byKey.get(key);
    if (pair != null) {
      synchronized (pair) {
        if (admission == Admission.COUNTED) {
          pair.times.pollLast();
        } else {
          pair.lastLate = null;
          releaseLateSlot();
        }
      }
    }
  }

  private synchronized void releaseLateSlot() {
    nextLate = Instant.MIN;
  }

  private synchronized boolean claimLateSlot(Instant now) {
    if (nextLate.isAfter(now)) {
      return false;
    }
    nextLate = now.plus(LATE_GAP);
    return true;
  }

  private void purgeExpired() {
    Instant now = clock.instant();
    byKey
        .values()
        .removeIf(
            pair -> {
              synchronized (pair) {
                dropExpired(pair.times, now);
                return pair.times.isEmpty()
                    && (pair.lastLate == null || pair.lastLate.plus(LATE_SPACING).isBefore(now));
              }
            });
  }

  private static void dropExpired(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && times.peekFirst().plus(WINDOW).isBefore(now)) {
      times.pollFirst();
    }
  }

  private static ApiException refusal(long waitSeconds, String why) {
    return new ApiException(
            429, "too-many-attempts", "Authorization", why + "; try again in " + waitSeconds + " s")
        .withHeader("Retry-After", String.valueOf(waitSeconds));
  }
}

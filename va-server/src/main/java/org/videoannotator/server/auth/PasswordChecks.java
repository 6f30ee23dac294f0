package org.videoannotator.server.auth;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.videoannotator.server.api.ApiException;

/**
 * Runs the slow secret checks (Argon2id: 19 MiB and ~45 ms each) one at a time and at most {@link
 * #PER_SECOND} a second, so wrong credentials cannot take the server's memory and CPU from the
 * people using it: at most {@link #MAX_WAITING} wait, for at most {@link #MAX_WAIT_MILLIS}; beyond
 * that the request is refused (429 with {@code Retry-After}) without hashing anything. Ten logins a
 * second is far more than a team logs in; an attacker's guesses queue behind them.
 */
final class PasswordChecks {
  static final int PER_SECOND = 10;
  static final int MAX_WAITING = 16;
  static final long MAX_WAIT_MILLIS = 3_000;
  private static final long SPACING_NANOS = TimeUnit.SECONDS.toNanos(1) / PER_SECOND;

  private final Semaphore permit = new Semaphore(1, true);

  /** When the next check may start (nanoTime); read and written only while holding the permit. */
  private long nextStart = System.nanoTime();

  <T> T run(Supplier<T> check) {
    if (permit.getQueueLength() >= MAX_WAITING) {
      throw busy();
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
    try {
      if (!permit.tryAcquire(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        throw busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
    try {
      long now = System.nanoTime();
      if (nextStart - deadline > 0) {
        throw busy(); // its turn would come after its deadline
      }
      if (nextStart - now > 0) {
        TimeUnit.NANOSECONDS.sleep(nextStart - now);
      }
      nextStart = Math.max(now, nextStart) + SPACING_NANOS;
      return check.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    } finally {
      permit.release();
    }
  }

  private static ApiException busy() {
    return new ApiException(
            429,
            "too-many-attempts",
            "Authorization",
            "the server is checking many secrets at once; try again in a second")
        .withHeader("Retry-After", "1");
  }
}

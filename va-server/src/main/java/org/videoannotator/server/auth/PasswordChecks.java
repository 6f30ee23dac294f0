package org.videoannotator.server.auth;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.videoannotator.server.api.ApiException;

/**
 * Runs the slow secret checks (Argon2id: 19 MiB and ~45 ms each) a few at a time, so wrong
 * credentials cannot take the server's memory and CPU from the people using it: {@link #PARALLEL}
 * run at once, at most {@link #MAX_WAITING} wait, for at most {@link #MAX_WAIT_MILLIS}; beyond
 * that the request is refused (429 with {@code Retry-After}) without hashing anything.
 */
final class PasswordChecks {
  static final int PARALLEL = 2;
  static final int MAX_WAITING = 32;
  static final long MAX_WAIT_MILLIS = 3_000;

  private final Semaphore permits = new Semaphore(PARALLEL, true);

  <T> T run(Supplier<T> check) {
    if (permits.getQueueLength() >= MAX_WAITING) {
      throw busy();
    }
    try {
      if (!permits.tryAcquire(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        throw busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
    try {
      return check.get();
    } finally {
      permits.release();
    }
  }

  private static ApiException busy() {
    return new ApiException(429, "too-many-attempts", "Authorization",
        "the server is checking many secrets at once; try again in a second")
        .withHeader("Retry-After", "1");
  }
}

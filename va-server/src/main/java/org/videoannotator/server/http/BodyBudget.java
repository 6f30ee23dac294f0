package org.videoannotator.server.http;

import java.util.concurrent.atomic.AtomicLong;
import org.videoannotator.server.api.ApiException;

/**
 * The memory that all request bodies buffered at once may hold, shared by every server of the
 * process (they share its heap). Each body may be up to {@link HttpLimits#MAX_REQUEST_BYTES}, so
 * without a bound a few concurrent imports could take the heap. A body with a {@code
 * Content-Length} takes its whole length before a byte is read; a chunked body takes its bytes as
 * they arrive. Past the budget the request is refused with 503 and {@code Retry-After}. The last
 * {@link #KEPT_FOR_SMALL_BODIES} bytes are for small bodies only, so large uploads never keep a
 * vote out.
 */
public final class BodyBudget {
  /** A body up to this size is small: votes, labels, settings. */
  static final long SMALL_BODY_BYTES = 64 << 10;

  static final long KEPT_FOR_SMALL_BODIES = 16L << 20;
  static final long RETRY_AFTER_SECONDS = 5;
  private static final BodyBudget SHARED =
      new BodyBudget(defaultCapacity(Runtime.getRuntime().maxMemory()));

  private final long capacity;
  private final AtomicLong held = new AtomicLong();

  BodyBudget(long capacity) {
    this.capacity = capacity;
  }

  /** The process's budget. */
  public static BodyBudget shared() {
    return SHARED;
  }

  /**
   * Four largest bodies, or a quarter of the heap if less, but always one largest body and the
   * small ones' part.
   */
  static long defaultCapacity(long maxHeap) {
    return Math.max(
        HttpLimits.MAX_REQUEST_BYTES + KEPT_FOR_SMALL_BODIES,
        Math.min(4 * HttpLimits.MAX_REQUEST_BYTES, maxHeap / 4));
  }

  public long capacityBytes() {
    return capacity;
  }

  /** Bytes held by bodies now. */
  public long heldBytes() {
    return held.get();
  }

  /**
   * Takes {@code bytes} more for a body that already holds {@code bodyHolds}.
   *
   * @throws ApiException 503 with {@code Retry-After} when the budget cannot spare them
   */
  void take(long bytes, long bodyHolds) {
    long limit =
        bodyHolds + bytes <= SMALL_BODY_BYTES ? capacity : capacity - KEPT_FOR_SMALL_BODIES;
    long now;
    do {
      now = held.get();
      if (now + bytes > limit) {
        throw new ApiException(
                503,
                "server-busy",
                null,
                "the server is holding "
                    + (now >> 20)
                    + " MB of request"
                    + " bodies, its limit of "
                    + (limit >> 20)
                    + " MB; send this one again in "
                    + RETRY_AFTER_SECONDS
                    + " s")
            .withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
      }
    } while (!held.compareAndSet(now, now + bytes));
  }

  /** Gives back what a finished body held. */
  void give(long bytes) {
    held.addAndGet(-bytes);
  }
}

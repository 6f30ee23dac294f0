package org.videoannotator.server.store;

/**
 * A database failure the caller cannot fix (disk full, corrupt file): reported, never swallowed.
 */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.videoannotator.core;

/**
 * A failure caused by the user's input or environment (a missing file, a malformed row, a model
 * folder without weights). The CLI prints its message as one line and exits with status 1, so the
 * message must name the input and say what to do; it is never a bare stack trace.
 */
public class UserException extends RuntimeException {
  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.videoannotator.index.store;

import org.videoannotator.core.UserException;

/**
 * The vector store cannot answer now: its cluster is unreachable, or its copy of the corpus is gone
 * (an OpenSearch index deleted). Not the caller's mistake, so a server answers 503 rather than 400;
 * the corpus's own files are unharmed. The message names the store; {@link #hint} says what to do
 * (start the cluster, fix its url, or rebuild the copy with {@code va store reindex}).
 */
public final class StoreUnavailableException extends UserException {
  private final String hint;

  public StoreUnavailableException(String message, String hint, Throwable cause) {
    super(message + "; " + hint, cause);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}

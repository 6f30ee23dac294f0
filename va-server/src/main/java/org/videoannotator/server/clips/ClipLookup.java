package org.videoannotator.server.clips;

import org.videoannotator.index.Clip;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.errors.DomainException;

/** A clip of the corpus by key, or a refusal naming the input that gave the key. */
public final class ClipLookup {
  private ClipLookup() {}

  /**
   * @throws DomainException not found, naming {@code field}
   */
  public static Clip require(Corpus corpus, String key, String field) {
    return corpus
        .clip(key)
        .orElseThrow(
            () ->
                DomainException.notFound(
                    field, "the corpus has no clip '" + DomainException.shorten(key) + "'"));
  }
}

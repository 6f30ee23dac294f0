package org.videoannotator.server.store;

import java.util.Objects;

/** A vote to append: validated by the caller (key exists, annotator well-formed). */
public record NewVote(String key, Value value, String annotator, Source source) {
  public NewVote {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(annotator, "annotator");
    Objects.requireNonNull(source, "source");
  }
}

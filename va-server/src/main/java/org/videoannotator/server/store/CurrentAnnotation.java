package org.videoannotator.server.store;

import java.time.Instant;
import java.util.Map;

/**
 * The current state of one clip for one label, derived from the log: each annotator's latest
 * non-removed vote, and their consensus (see {@link Consensus}).
 */
public record CurrentAnnotation(
    String key, Value value, Map<String, Value> votes, Instant updated, Source source) {
  public CurrentAnnotation {
    votes = Map.copyOf(votes);
  }

  /** True when annotators gave different yes/no answers. */
  public boolean disputed() {
    return votes.containsValue(Value.YES) && votes.containsValue(Value.NO);
  }
}

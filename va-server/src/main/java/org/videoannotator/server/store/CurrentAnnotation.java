package org.videoannotator.server.store;

import java.time.Instant;
import java.util.Map;

/**
 * The current state of one clip for one label, derived from the log: each annotator's latest
 * non-removed vote, the standing settlement if an adjudicator settled the clip (else null), and the
 * consensus: the settled value where there is one, else the votes' (see {@link Consensus}).
 */
public record CurrentAnnotation(
    String key,
    Value value,
    Map<String, Value> votes,
    Instant updated,
    Source source,
    Settlement settlement) {
  public CurrentAnnotation {
    votes = Map.copyOf(votes);
  }

  public CurrentAnnotation(
      String key, Value value, Map<String, Value> votes, Instant updated, Source source) {
    this(key, value, votes, updated, source, null);
  }

  /** True when annotators gave different yes/no answers. */
  public boolean disputed() {
    return votes.containsValue(Value.YES) && votes.containsValue(Value.NO);
  }

  /** True when an adjudicator's settlement stands for this clip. */
  public boolean settled() {
    return settlement != null;
  }
}

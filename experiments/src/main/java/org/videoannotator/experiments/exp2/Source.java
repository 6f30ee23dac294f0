package org.videoannotator.experiments.exp2;

import java.util.Locale;

/** The ordered sources a decision process draws annotations from, named as in the reference. */
public enum Source {
  /** VA's own annotations, in the order the expert's checkpoints added them. */
  AGG("agg"),
  /** The annotated zero-shot top list, in rank order. */
  ZERO_SHOT("zero_shot"),
  /** The annotated random list, in draw order. */
  RANDOM("random");

  private final String id;

  Source(String id) {
    this.id = id;
  }

  /** The reference's name, also used to break ties (the larger name wins, as Python's max). */
  public String id() {
    return id;
  }

  public static Source of(String id) {
    for (Source s : values()) {
      if (s.id.equals(id.toLowerCase(Locale.ROOT).replace('-', '_'))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown source '" + id + "': use agg, zero_shot or random");
  }

  @Override
  public String toString() {
    return id;
  }
}

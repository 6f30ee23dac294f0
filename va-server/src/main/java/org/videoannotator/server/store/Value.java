package org.videoannotator.server.store;

import java.util.Locale;
import java.util.Optional;

/**
 * What an annotation event says about a clip. {@link #REMOVED} is an undo of the annotator's vote.
 */
public enum Value {
  YES,
  NO,
  UNSURE,
  REMOVED;

  /** The lower-case wire and database form. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a vote given by a person or a file: yes/no/unsure, true/false, 1/0 (any case). Never
   * parses {@code removed}: undo has its own route.
   */
  public static Optional<Value> parseVote(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "yes", "true", "1", "y", "positive" -> Optional.of(YES);
      case "no", "false", "0", "n", "negative" -> Optional.of(NO);
      case "unsure", "maybe", "?" -> Optional.of(UNSURE);
      default -> Optional.empty();
    };
  }

  static Value fromWire(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}

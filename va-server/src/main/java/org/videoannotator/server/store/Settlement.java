package org.videoannotator.server.store;

import java.time.Instant;

/**
 * An adjudicator's final answer on a clip whose votes disagree: the clip's consensus while it
 * stands, whatever the votes say. Stored in the annotation log as an event of the reserved
 * annotator {@link #ANNOTATOR} (so the latest event wins, and undo is a {@code removed} event, like
 * a vote's); who settled it and the note are in the event's {@link Source}.
 */
public record Settlement(Value value, String by, String note, Instant time) {
  /**
   * The log's annotator name for settlements. '#' is not allowed in account names, and the store
   * refuses votes under this name, so no annotator's vote can pass for a settlement.
   */
  public static final String ANNOTATOR = "#settled";
}

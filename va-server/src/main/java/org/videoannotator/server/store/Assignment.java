package org.videoannotator.server.store;

import java.util.List;

/**
 * Who works on a label and how many of them vote on each clip: {@code overlap} distinct annotators
 * per clip (1: one vote settles a clip, as before teams), {@code assignees} the annotators served
 * its clips (empty: everyone with annotator rights).
 */
public record Assignment(int overlap, List<String> assignees) {
  /** What a label has until an admin changes it: one vote per clip, anyone may work on it. */
  public static final Assignment DEFAULT = new Assignment(1, List.of());

  /** The most votes per clip an admin may ask for (the released data had three experts). */
  public static final int MAX_OVERLAP = 20;

  public Assignment {
    if (overlap < 1 || overlap > MAX_OVERLAP) {
      throw new IllegalArgumentException("overlap must be 1.." + MAX_OVERLAP + ", got " + overlap);
    }
    assignees = List.copyOf(assignees);
  }

  /** Whether a clip's current state has all the votes this overlap asks for (null: no votes). */
  public boolean complete(CurrentAnnotation annotation) {
    return annotation != null && annotation.votes().size() >= overlap;
  }

  /** Whether {@code annotator} is among those who work on the label. */
  public boolean includes(String annotator) {
    return assignees.isEmpty() || assignees.contains(annotator);
  }
}

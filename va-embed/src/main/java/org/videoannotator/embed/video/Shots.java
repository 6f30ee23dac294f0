package org.videoannotator.embed.video;

import java.util.ArrayList;
import java.util.List;

/** Turns boundaries into shots. */
public final class Shots {
  private Shots() {}

  /**
   * Splits {@code frameCount} frames into shots at {@code transitions}. A cut at frame {@code i}
   * starts a new shot at {@code i}. A gradual transition {@code [start, end]} is split at its
   * middle: the new shot starts at {@link Transition#splitFrame()} = {@code (start + end + 1) / 2},
   * so the first half of the dissolve/fade belongs to the outgoing shot and the second half to the
   * incoming one. Boundaries at frame 0, beyond the last frame, or repeating a split frame are
   * ignored, so no shot is ever empty.
   *
   * @param transitions in increasing order of start
   * @throws IllegalArgumentException if {@code frameCount < 1} or transitions are not sorted
   */
  public static List<ShotSpan> fromTransitions(int frameCount, List<Transition> transitions) {
    if (frameCount < 1) {
      throw new IllegalArgumentException("frameCount must be >= 1, got " + frameCount);
    }
    List<ShotSpan> shots = new ArrayList<>();
    int first = 0;
    int previousStart = -1;
    for (Transition t : transitions) {
      if (t.start() < previousStart) {
        throw new IllegalArgumentException("transitions not sorted: " + transitions);
      }
      previousStart = t.start();
      int split = t.splitFrame();
      if (split <= first || split >= frameCount) {
        continue;
      }
      shots.add(new ShotSpan(shots.size(), first, split - 1));
      first = split;
    }
    shots.add(new ShotSpan(shots.size(), first, frameCount - 1));
    return shots;
  }
}

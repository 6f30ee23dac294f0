package org.videoannotator.embed.video.shots;

import java.util.List;

/**
 * One named number per frame, computed as frames stream in: a cut score, a brightness, the best
 * dissolve fit found so far. A signal may revise the values of recent frames as later frames arrive
 * (a flash is recognised when the picture comes back). Signals are values (records): two rules
 * asking for an equal signal share one series. A rule lists the signals it reads; {@link
 * FrameSignals} registers them, and the ones they need, in order.
 */
interface FrameSignal {
  /** The name in debug dumps. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** A new frame's value before {@link #update} runs (e.g. +inf for "no evidence yet"). */
  default float initial() {
    return 0;
  }

  /** Signals whose values {@link #update} reads: they are updated first for every frame. */
  default List<FrameSignal> needs() {
    return List.of();
  }

  /**
   * Called once per frame, after the signals this one needs: sets the value of the newest frame
   * ({@code frames.newest()}) in {@code values.series(this)} and may revise recent frames'.
   */
  void update(FrameWindow frames, FrameSignals values);
}

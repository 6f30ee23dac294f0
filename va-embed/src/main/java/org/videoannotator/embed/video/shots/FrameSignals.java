package org.videoannotator.embed.video.shots;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-frame series of every registered {@link FrameSignal}, in registration order (each after
 * the signals it needs). Rules read them by signal: {@code values.series(new CutScore())}.
 */
final class FrameSignals {
  private final Map<FrameSignal, FloatSeries> series = new LinkedHashMap<>();
  private int count;

  FrameSignals(Collection<? extends FrameSignal> wanted) {
    for (FrameSignal s : wanted) {
      register(s, new ArrayList<>());
    }
  }

  private void register(FrameSignal s, List<FrameSignal> path) {
    if (series.containsKey(s)) {
      return;
    }
    if (path.contains(s)) {
      throw new IllegalStateException("signals need each other in a cycle: " + path);
    }
    path.add(s);
    for (FrameSignal n : s.needs()) {
      register(n, path);
    }
    path.removeLast();
    series.put(s, new FloatSeries());
  }

  /** Appends the newest frame of {@code frames} to every series and updates them in order. */
  void update(FrameWindow frames) {
    for (Map.Entry<FrameSignal, FloatSeries> e : series.entrySet()) {
      e.getValue().add(e.getKey().initial());
    }
    count++;
    for (FrameSignal s : series.keySet()) {
      s.update(frames, this);
    }
  }

  /** The series of a registered signal. */
  FloatSeries series(FrameSignal s) {
    FloatSeries f = series.get(s);
    if (f == null) {
      throw new IllegalArgumentException("signal " + s + " is not registered");
    }
    return f;
  }

  /** Frames seen so far. */
  int count() {
    return count;
  }

  /** One line per frame with every signal's value, for tuning and bug reports. */
  void dump(PrintStream out) {
    for (int i = 0; i < count; i++) {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%5d", i));
      for (Map.Entry<FrameSignal, FloatSeries> e : series.entrySet()) {
        b.append(String.format(Locale.ROOT, " %s=%.3f", e.getKey().name(), e.getValue().get(i)));
      }
      out.println(b);
    }
  }
}

package org.videoannotator.embed.video.shots;

/** An inclusive range of frames {@code [first, last]}: a run of mixed frames, a flash, a fade. */
public record Span(int first, int last) {
  /** The span widened by {@code before} frames at the front and {@code after} at the back. */
  public Span widen(int before, int after) {
    return new Span(first - before, last + after);
  }

  public boolean overlaps(Span o) {
    return first <= o.last && o.first <= last;
  }

  /** Frame {@code i} lies after the first and up to the last frame (a cut there is inside). */
  public boolean holdsCutAt(int i) {
    return i > first && i <= last;
  }

  /** This span lies within {@code o} give or take {@code slack} frames at both ends. */
  public boolean within(Span o, int slack) {
    return first >= o.first - slack && last <= o.last + slack;
  }

  public int length() {
    return last - first + 1;
  }
}

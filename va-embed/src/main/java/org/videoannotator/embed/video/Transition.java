package org.videoannotator.embed.video;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A boundary between two shots. A hard cut has {@code start == end ==} the 0-based index of the
 * first frame of the new shot. A gradual transition (dissolve, fade) spans the inclusive frame
 * range {@code [start, end]} of frames that mix the two shots (for a fade, every frame from the
 * first darkened one to the last brightening one, black frames included).
 */
public record Transition(Type type, int start, int end) implements Comparable<Transition> {
  /** Kinds of boundary. {@code FADE} goes through black (or white); {@code DISSOLVE} does not. */
  public enum Type {
    CUT,
    DISSOLVE,
    FADE;

    public boolean gradual() {
      return this != CUT;
    }
  }

  public Transition {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad transition range [" + start + ", " + end + "]");
    }
    if (type == Type.CUT && start != end) {
      throw new IllegalArgumentException("a cut has one frame, got [" + start + ", " + end + "]");
    }
  }

  public static Transition cut(int firstFrameOfNewShot) {
    return new Transition(Type.CUT, firstFrameOfNewShot, firstFrameOfNewShot);
  }

  public static Transition dissolve(int start, int end) {
    return new Transition(Type.DISSOLVE, start, end);
  }

  public static Transition fade(int start, int end) {
    return new Transition(Type.FADE, start, end);
  }

  public boolean isCut() {
    return type == Type.CUT;
  }

  /**
   * The first frame of the new shot: the cut frame, or for a gradual transition the frame after its
   * middle ({@code (start + end + 1) / 2}), where {@link Shots#fromTransitions} splits.
   */
  public int splitFrame() {
    return isCut() ? start : (start + end + 1) / 2;
  }

  /** JSON form used by {@code va shots}: a cut is an int, a gradual one {@code {start, end}}. */
  public Object toJsonValue() {
    if (isCut()) {
      return start;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("start", start);
    m.put("end", end);
    m.put("type", type.name().toLowerCase(Locale.ROOT));
    return m;
  }

  @Override
  public int compareTo(Transition o) {
    return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
  }

  @Override
  public String toString() {
    return isCut()
        ? "cut@" + start
        : type.name().toLowerCase(Locale.ROOT) + "[" + start + "," + end + "]";
  }
}

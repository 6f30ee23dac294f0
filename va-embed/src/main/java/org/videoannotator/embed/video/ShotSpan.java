package org.videoannotator.embed.video;

/**
 * One shot: its 0-based position in the video and its inclusive frame range.
 *
 * @param index 0-based shot number within the video
 * @param first first frame index (inclusive)
 * @param last last frame index (inclusive)
 */
public record ShotSpan(int index, int first, int last) {
  public ShotSpan {
    if (index < 0 || first < 0 || last < first) {
      throw new IllegalArgumentException(
          "bad shot " + index + ": frames [" + first + ", " + last + "]");
    }
  }

  public int frameCount() {
    return last - first + 1;
  }

  /** The middle frame, a natural keyframe for thumbnails. */
  public int middle() {
    return (first + last) / 2;
  }
}

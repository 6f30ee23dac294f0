package org.videoannotator.embed.model;

import java.util.List;

/**
 * What an {@link Embedder} sees of one shot: the frames sampled from it (in time order) and the
 * shot grammar around it.
 *
 * @param firstFrame first frame of the shot, inclusive
 * @param lastFrame last frame of the shot, inclusive
 * @param fps frames per second of the video (> 0)
 * @param frames sampled frames, at least one, in increasing index order
 * @param cutsPerMinute shot changes per minute in a window around the shot (the local cut rate)
 */
public record ShotFrames(
    int firstFrame, int lastFrame, double fps, List<SampledFrame> frames, double cutsPerMinute) {
  public ShotFrames {
    if (firstFrame < 0 || lastFrame < firstFrame) {
      throw new IllegalArgumentException("bad shot frames " + firstFrame + ".." + lastFrame);
    }
    if (!(fps > 0) || Double.isInfinite(fps)) {
      throw new IllegalArgumentException("fps must be positive, got " + fps);
    }
    frames = List.copyOf(frames);
    if (frames.isEmpty()) {
      throw new IllegalArgumentException(
          "shot " + firstFrame + ".." + lastFrame + " has no frames");
    }
    if (!(cutsPerMinute >= 0)) {
      throw new IllegalArgumentException("cutsPerMinute must be >= 0, got " + cutsPerMinute);
    }
  }

  /** Shot length in seconds. */
  public double durationSec() {
    return (lastFrame - firstFrame + 1) / fps;
  }
}

package org.videoannotator.embed.model;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A frame sampled from a shot, with a frame shortly after it so that motion can be measured between
 * the two.
 *
 * @param index 0-based index of the frame in its video (count of decoded video frames)
 * @param timeSec presentation time in seconds (informational)
 * @param image the picture, RGB
 * @param next frame {@code index + nextGap} of the same shot (possibly smaller: motion is measured
 *     on small frames), or {@code null} when the shot ends before it (no motion sample then)
 * @param nextGap frames between {@code image} and {@code next} (>= 1; ignored when next is null)
 */
public record SampledFrame(
    int index, double timeSec, BufferedImage image, BufferedImage next, int nextGap) {
  public SampledFrame {
    if (next != null && nextGap < 1) {
      throw new IllegalArgumentException(
          "frame " + index + ": nextGap must be >= 1, got " + nextGap);
    }
    Objects.requireNonNull(image, "image of frame " + index);
    if (index < 0) {
      throw new IllegalArgumentException("frame index must be >= 0, got " + index);
    }
  }

  /** A frame without a motion partner. */
  public static SampledFrame still(int index, double timeSec, BufferedImage image) {
    return new SampledFrame(index, timeSec, image, null, 0);
  }
}

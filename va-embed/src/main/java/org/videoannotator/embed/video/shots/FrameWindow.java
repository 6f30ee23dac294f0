package org.videoannotator.embed.video.shots;

/**
 * The compact features of the last {@value #SIZE} frames: what the signals compare. Frame {@code i}
 * sits at {@code i % SIZE}; older frames are gone, so memory stays small for hours.
 */
final class FrameWindow {
  /** Long enough for the widest dissolve test (2 x 15 frames) and the flash returns (12). */
  static final int SIZE = 40;

  private final FrameFeatures[] ring = new FrameFeatures[SIZE];
  private int newest = -1;

  void push(FrameFeatures f) {
    newest++;
    ring[newest % SIZE] = f;
  }

  /** Index of the frame pushed last (-1 before the first). */
  int newest() {
    return newest;
  }

  FrameFeatures latest() {
    return ring[newest % SIZE];
  }

  /**
   * Features of frame {@code index} if it is still in the window (the newest included), else null.
   */
  FrameFeatures at(int index) {
    if (index < 0 || index > newest || index <= newest - SIZE) {
      return null;
    }
    return ring[index % SIZE];
  }
}

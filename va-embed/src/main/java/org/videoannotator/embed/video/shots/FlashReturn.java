package org.videoannotator.embed.video.shots;

import java.util.List;

/**
 * For a frame that jumped (cut score at least {@link FlashFilter#WATCH_FLOOR}): the first of the
 * next {@link FlashFilter#RETURN_FRAMES} - 1 frames whose picture matches the frame before the jump
 * again (cut score below the cut threshold and below half the jump), or -1. A return means the jump
 * was a flash, and the frames up to the return belong to it.
 *
 * @param sameBelow cut score under which two frames show the same picture
 */
record FlashReturn(double sameBelow) implements FrameSignal {
  @Override
  public float initial() {
    return -1;
  }

  @Override
  public List<FrameSignal> needs() {
    return List.of(new CutScore());
  }

  @Override
  public void update(FrameWindow frames, FrameSignals values) {
    FloatSeries cut = values.series(new CutScore());
    FloatSeries returnedAt = values.series(this);
    int j = frames.newest();
    for (int i = Math.max(1, j - FlashFilter.RETURN_FRAMES + 1); i < j; i++) {
      if (cut.get(i) < FlashFilter.WATCH_FLOOR || returnedAt.get(i) >= 0) {
        continue;
      }
      FrameFeatures before = frames.at(i - 1);
      if (before != null
          && (float) FrameDiff.compare(before, frames.latest()).cutScore()
              < Math.min(sameBelow, 0.5 * cut.get(i))) {
        returnedAt.set(i, j);
      }
    }
  }
}

package org.videoannotator.embed.video.shots;

import java.util.List;

/**
 * For a frame that jumped (cut score at least {@link FlashFilter#WATCH_FLOOR}): the lowest cut
 * score between the frame before it and any of the next {@link FlashFilter#RETURN_FRAMES} - 1
 * frames. Low means the picture came back: the jump was a flash. +inf when never compared.
 */
record FlashReturn() implements FrameSignal {
  @Override
  public float initial() {
    return Float.POSITIVE_INFINITY;
  }

  @Override
  public List<FrameSignal> needs() {
    return List.of(new CutScore());
  }

  @Override
  public void update(FrameWindow frames, FrameSignals values) {
    FloatSeries cut = values.series(new CutScore());
    FloatSeries ret = values.series(this);
    int j = frames.newest();
    for (int i = Math.max(1, j - FlashFilter.RETURN_FRAMES + 1); i < j; i++) {
      if (cut.get(i) < FlashFilter.WATCH_FLOOR) {
        continue;
      }
      FrameFeatures before = frames.at(i - 1);
      if (before != null) {
        ret.lower(i, (float) FrameDiff.compare(before, frames.latest()).cutScore());
      }
    }
  }
}

package org.videoannotator.embed.video.shots;

import java.util.List;

/**
 * At a flash onset ({@link FlashFilter#onset}): the first later frame, within {@link
 * FlashFilter#ONSET_RETURN_FRAMES}, whose picture matches the frame before the onset again (cut
 * score below the cut threshold); -1 while none has. Only onsets are watched, so it costs nothing
 * on ordinary frames.
 *
 * @param sameBelow cut score under which two frames show the same picture
 */
record PictureReturn(double sameBelow) implements FrameSignal {
  @Override
  public float initial() {
    return -1;
  }

  @Override
  public List<FrameSignal> needs() {
    return List.of(new Blank(), new MeanLuma());
  }

  @Override
  public void update(FrameWindow frames, FrameSignals values) {
    FloatSeries blank = values.series(new Blank());
    FloatSeries luma = values.series(new MeanLuma());
    FloatSeries returnedAt = values.series(this);
    int j = frames.newest();
    if (Blank.at(blank, j)) {
      return;
    }
    for (int i = Math.max(1, j - FlashFilter.ONSET_RETURN_FRAMES); i < j; i++) {
      if (!FlashFilter.onset(blank, luma, i) || returnedAt.get(i) >= 0) {
        continue;
      }
      FrameFeatures before = frames.at(i - 1);
      if (before != null
          && (float) FrameDiff.compare(before, frames.latest()).cutScore() < sameBelow) {
        returnedAt.set(i, j);
      }
    }
  }
}

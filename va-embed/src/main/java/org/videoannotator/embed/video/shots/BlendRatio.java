package org.videoannotator.embed.video.shots;

import java.util.List;

/**
 * The best dissolve fit of a frame: the lowest {@link BlendTest#residualRatio} of it as a mix of
 * the frames {@code h} before and after, over the half-widths {@link DissolveFit#HALF_WIDTHS}
 * (frame {@code newest - h} is tested when frame {@code newest} arrives). Tests across a cut-sized
 * jump are skipped: a dissolve changes a little every frame. +inf when no test applied.
 *
 * @param jumpFrom cut score that counts as a jump
 */
record BlendRatio(double jumpFrom) implements FrameSignal {
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
    FloatSeries ratio = values.series(this);
    int j = frames.newest();
    for (int h : DissolveFit.HALF_WIDTHS) {
      int c = j - h;
      FrameFeatures mid = frames.at(c);
      FrameFeatures start = frames.at(c - h);
      if (mid == null || start == null || jumpBetween(cut, c - h + 1, j)) {
        continue;
      }
      ratio.lower(c, (float) BlendTest.residualRatio(start, mid, frames.latest()));
    }
  }

  private boolean jumpBetween(FloatSeries cut, int from, int to) {
    for (int k = Math.max(1, from); k <= to; k++) {
      if (cut.get(k) >= jumpFrom) {
        return true;
      }
    }
    return false;
  }
}

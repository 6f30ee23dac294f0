package org.videoannotator.embed.video.shots;

/**
 * How much a new shot starts at this frame, compared with the frame before: {@link
 * FrameDiff#cutScore()} (structure and colour change after compensating the camera's shift).
 */
record CutScore() implements FrameSignal {
  @Override
  public void update(FrameWindow frames, FrameSignals values) {
    int j = frames.newest();
    FrameFeatures previous = frames.at(j - 1);
    values
        .series(this)
        .set(
            j,
            previous == null ? 0 : (float) FrameDiff.compare(previous, frames.latest()).cutScore());
  }
}

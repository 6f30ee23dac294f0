package org.videoannotator.embed.video.shots;

/** Mean luma of the frame, 0-255: fades, flashes and light changes move it. */
record MeanLuma() implements FrameSignal {
  @Override
  public void update(FrameWindow frames, FrameSignals values) {
    values.series(this).set(frames.newest(), (float) frames.latest().mean);
  }
}

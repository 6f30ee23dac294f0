package org.videoannotator.embed.video.shots;

/** 1 when the frame is nearly uniform black or white (the middle of a fade), else 0. */
record Blank() implements FrameSignal {
  @Override
  public void update(FrameWindow frames, FrameSignals values) {
    values.series(this).set(frames.newest(), frames.latest().blank() ? 1 : 0);
  }

  static boolean at(FloatSeries blank, int i) {
    return blank.get(i) != 0;
  }
}

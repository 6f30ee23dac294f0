package org.videoannotator.embed.video.shots;

import java.util.Locale;

/**
 * How far the {@code descriptor} averaged over the {@value #SIDE} frames before a frame lies from
 * its average over that frame and the {@value #SIDE} - 1 after, relative to how much each side
 * varies within itself (plus the descriptor's noise floor): the local statistics of both shots. A
 * cut between two shots scores high even when each shot changes every frame (cellular automata,
 * noise, fractal zooms), since their histograms, orientations and layout stay put; a frame inside
 * such a shot scores low. Known {@value #SIDE} - 1 frames late.
 */
record WindowContrast(Descriptor descriptor) implements FrameSignal {
  /**
   * Frames on each side: enough to average a texture's frame-to-frame changes out, few enough that
   * a cut 5 frames away does not fall into the window (5-frame shots are in the transition suite).
   * Chosen by that reasoning, not tuned.
   */
  static final int SIDE = 4;

  @Override
  public String name() {
    return "Contrast"
        + descriptor.name().charAt(0)
        + descriptor.name().substring(1).toLowerCase(Locale.ROOT);
  }

  @Override
  public void update(FrameWindow frames, FrameSignals values) {
    int c = frames.newest() - SIDE + 1;
    if (c - SIDE < 0) {
      return;
    }
    float[][] before = new float[SIDE][];
    float[][] after = new float[SIDE][];
    for (int k = 0; k < SIDE; k++) {
      before[k] = descriptor.of(frames.at(c - SIDE + k));
      after[k] = descriptor.of(frames.at(c + k));
    }
    float[] mb = mean(before);
    float[] ma = mean(after);
    double spread = spread(before, mb) + spread(after, ma);
    values.series(this).set(c, (float) (descriptor.distance(mb, ma) / (spread + descriptor.floor)));
  }

  private static float[] mean(float[][] side) {
    float[] m = new float[side[0].length];
    for (float[] v : side) {
      for (int i = 0; i < m.length; i++) {
        m[i] += v[i] / side.length;
      }
    }
    return m;
  }

  private double spread(float[][] side, float[] mean) {
    double s = 0;
    for (float[] v : side) {
      s += descriptor.distance(v, mean);
    }
    return s / side.length;
  }
}

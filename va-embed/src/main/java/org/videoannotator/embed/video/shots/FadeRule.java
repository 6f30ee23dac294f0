package org.videoannotator.embed.video.shots;

import java.util.ArrayList;
import java.util.List;

/**
 * Fades: blank (black or white) runs inside the video with a brightness ramp toward them before or
 * away after; gradual runs touching blank frames, or joined across them, are fades. Constants
 * chosen on the transition suite's fades (4-12 frames each way) of {@code va bench decode}.
 */
final class FadeRule {
  /** Longest ramp followed away from a blank run, each way. */
  private static final int MAX_RAMP = 40;

  /** Shortest ramp (frames) that makes a blank run a fade. */
  private static final int MIN_RAMP = 2;

  /** A step toward the blank level must close the gap by this factor plus {@link #RAMP_STEP}. */
  private static final double RAMP_FACTOR = 1.03;

  private static final double RAMP_STEP = 0.5;

  List<FrameSignal> signals() {
    return List.of(new Blank(), new MeanLuma());
  }

  /** Blank runs with a ramp of at least {@value #MIN_RAMP} frames on one side, ramps included. */
  List<Span> runs(FrameSignals values) {
    FloatSeries blank = values.series(new Blank());
    FloatSeries luma = values.series(new MeanLuma());
    int count = values.count();
    List<Span> out = new ArrayList<>();
    int i = 0;
    while (i < count) {
      if (!Blank.at(blank, i)) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < count && Blank.at(blank, j + 1)) {
        j++;
      }
      if (i > 0 && j < count - 1) {
        float level = luma.get(i);
        int s = i;
        while (s - 1 > 0 && nearer(luma, level, s, s - 1) && i - s < MAX_RAMP) {
          s--;
        }
        int e = j;
        while (e + 1 < count - 1 && nearer(luma, level, e, e + 1) && e - j < MAX_RAMP) {
          e++;
        }
        if (i - s >= MIN_RAMP || e - j >= MIN_RAMP) {
          out.add(new Span(s, e));
        }
      }
      i = j + 1;
    }
    return out;
  }

  /** Frame {@code a} is clearly closer than frame {@code b} to the blank {@code level}. */
  private static boolean nearer(FloatSeries luma, float level, int a, int b) {
    float da = Math.abs(luma.get(a) - level);
    float db = Math.abs(luma.get(b) - level);
    return db > da * RAMP_FACTOR + RAMP_STEP;
  }

  /** A blank frame lies in the run or right beside it. */
  static boolean touchesBlank(FrameSignals values, Span r) {
    FloatSeries blank = values.series(new Blank());
    for (int k = Math.max(0, r.first() - 1); k <= Math.min(values.count() - 1, r.last() + 1); k++) {
      if (Blank.at(blank, k)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Number of blank frames right after {@code from}, before {@code to}: runs joined across them.
   */
  static int blankGap(FrameSignals values, int from, int to) {
    FloatSeries blank = values.series(new Blank());
    int n = 0;
    for (int k = from + 1; k < to && Blank.at(blank, k); k++) {
      n++;
    }
    return n;
  }
}

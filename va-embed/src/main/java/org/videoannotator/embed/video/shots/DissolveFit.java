package org.videoannotator.embed.video.shots;

import java.util.ArrayList;
import java.util.List;

/**
 * Dissolves: runs of frames that are a mix of the frames before and after them ({@link
 * BlendRatio}), padded by a quarter of their length (the test passes in the middle of a
 * transition). A strict run must also change step by step; a run passing only the looser bound
 * counts when brightness drifts steadily across it. Constants chosen on the transition suite, the
 * challenge mix and the demo scripts (seeds 1-7, 7000021-23) of {@code va bench decode}.
 */
final class DissolveFit {
  /** Half-widths {@code h} of the mix test: dissolves of about 4 to 30 frames. */
  static final int[] HALF_WIDTHS = {2, 3, 4, 6, 8, 11, 15};

  /**
   * Least total change ({@link #changeAcross}) of a strict run. A dissolve replaces one picture by
   * another, so its frames change step by step (on rendered demo and benchmark videos the smallest
   * total over a true dissolve was 0.013, typically 0.1-2); a slow zoom or drift on a dark,
   * low-contrast scene can pass the mix test for 2-3 frames while its frames barely change (totals
   * 0.000-0.007).
   */
  static final double MIN_CHANGE = 0.01;

  /** Shortest strict run. */
  private static final int MIN_RUN = 2;

  /** Loose runs: long enough to show a trend, short enough to be one transition. */
  private static final int LOOSE_MIN_RUN = 5;

  private static final int LOOSE_MAX_RUN = 32;

  /** Steady drift: total brightness change (luma levels) and share of steps that agree. */
  private static final double MIN_DRIFT = 3;

  private static final double DRIFT_AGREEMENT = 0.8;

  private final BlendRatio blend;

  DissolveFit(double cutThreshold) {
    this.blend = new BlendRatio(cutThreshold);
  }

  List<FrameSignal> signals() {
    return List.of(blend, new CutScore(), new MeanLuma());
  }

  /** Strict runs that change enough, then loose runs with a steady drift that overlap none. */
  List<Span> runs(FrameSignals values) {
    FloatSeries ratio = values.series(blend);
    FloatSeries cut = values.series(new CutScore());
    FloatSeries luma = values.series(new MeanLuma());
    List<Span> runs = runs(ratio, BlendTest.MAX_RESIDUAL_RATIO, MIN_RUN, Integer.MAX_VALUE);
    runs.removeIf(r -> changeAcross(cut, r) < MIN_CHANGE);
    for (Span loose : runs(ratio, BlendTest.LOOSE_RESIDUAL_RATIO, LOOSE_MIN_RUN, LOOSE_MAX_RUN)) {
      // looser mixes count only with the steady brightness drift a dissolve between two
      // differently lit shots makes; a zoom or a pan keeps its brightness
      boolean known = runs.stream().anyMatch(r -> r.overlaps(loose));
      if (!known && steadyDrift(luma, loose)) {
        runs.add(loose);
      }
    }
    return runs;
  }

  /** Padded runs of {@code minLen..maxLen} frames whose ratio is at most {@code bound}. */
  private static List<Span> runs(FloatSeries ratio, double bound, int minLen, int maxLen) {
    List<Span> runs = new ArrayList<>();
    int count = ratio.size();
    int i = 0;
    while (i < count) {
      if (ratio.get(i) > bound) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < count && ratio.get(j + 1) <= bound) {
        j++;
      }
      int len = j - i + 1;
      if (len >= minLen && len <= maxLen) {
        int pad = Math.max(1, len / 4);
        runs.add(new Span(i - pad, j + pad));
      }
      i = j + 1;
    }
    return runs;
  }

  /** Sum of the cut scores from the run's first frame to the frame after its last. */
  private static double changeAcross(FloatSeries cut, Span r) {
    double sum = 0;
    for (int k = Math.max(1, r.first()); k <= Math.min(cut.size() - 1, r.last() + 1); k++) {
      sum += cut.get(k);
    }
    return sum;
  }

  /** Mean luma moves one way over the run: most steps agree and the total is visible. */
  private static boolean steadyDrift(FloatSeries luma, Span r) {
    int a = Math.max(0, r.first());
    int b = Math.min(luma.size() - 1, r.last());
    int up = 0;
    int down = 0;
    for (int k = a + 1; k <= b; k++) {
      float d = luma.get(k) - luma.get(k - 1);
      if (d > 0) {
        up++;
      } else if (d < 0) {
        down++;
      }
    }
    double total = Math.abs(luma.get(b) - luma.get(a));
    return total >= MIN_DRIFT && Math.max(up, down) >= DRIFT_AGREEMENT * (b - a);
  }
}

package org.videoannotator.embed.video.shots;

import java.util.Arrays;

/**
 * The one quantile the rules use: the element at {@code floor(q * n)} of the sorted values (the
 * upper one of two middles for the median), over the frames around a candidate.
 */
final class Quantiles {
  private Quantiles() {}

  /**
   * Quantile {@code q} (0..1) of {@code series} over frames {@code [from, to]} except {@code skip},
   * within frames {@code [1, count)}.
   */
  static double around(FloatSeries series, int from, int to, int skip, double q) {
    float[] v = new float[Math.max(0, to - from + 1)];
    int n = 0;
    for (int k = from; k <= to; k++) {
      if (k != skip && k >= 1 && k < series.size()) {
        v[n++] = series.get(k);
      }
    }
    return of(v, n, q);
  }

  /** Quantile {@code q} of the first {@code n} values of {@code v} (sorts them in place). */
  static double of(float[] v, int n, double q) {
    if (n == 0) {
      return 0;
    }
    Arrays.sort(v, 0, n);
    return v[Math.min(n - 1, (int) (q * n))];
  }
}

package org.videoannotator.embed.video;

/**
 * The dissolve signature: during a dissolve or fade, a frame is a mix {@code w A + (1 - w) B} of
 * frames before and after it, with {@code A} and {@code B} genuinely different pictures. Pans,
 * zooms and objects moving in are not explained by such a mix; a change of light is (it mixes a
 * picture with a brighter copy of itself), so the ends must also differ in structure.
 */
final class BlendTest {
  /** Ends closer than this (mean luma levels) are the same picture. */
  static final double MIN_END_DIFFERENCE = 10;
  /** The mix must explain the middle this much better than either end alone. */
  static final double MAX_RESIDUAL_RATIO = 0.3;
  /** Ends this correlated in structure are one picture under different light. */
  static final double MAX_END_CORRELATION = 0.75;

  private BlendTest() {}

  /**
   * How well {@code m} is a mix of {@code a} and {@code b}: the residual of the best mix divided by
   * the distance to the nearer end (smaller is more dissolve-like), or {@code +inf} when the test
   * does not apply (ends too similar, weight outside (0.12, 0.88), same structure).
   */
  static double residualRatio(FrameFeatures a, FrameFeatures m, FrameFeatures b) {
    short[] pa = a.tiny;
    short[] pm = m.tiny;
    short[] pb = b.tiny;
    int n = pa.length;
    double ab = 0;
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      double d = pa[i] - pb[i];
      ab += Math.abs(d);
      num += (pm[i] - pb[i]) * d;
      den += d * d;
    }
    ab /= n;
    if (ab < MIN_END_DIFFERENCE || den == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double w = num / den;
    if (w < 0.12 || w > 0.88) {
      return Double.POSITIVE_INFINITY;
    }
    if (correlation(a, b) > MAX_END_CORRELATION) {
      return Double.POSITIVE_INFINITY;
    }
    double resid = 0;
    double toA = 0;
    double toB = 0;
    for (int i = 0; i < n; i++) {
      resid += Math.abs(pm[i] - (w * pa[i] + (1 - w) * pb[i]));
      toA += Math.abs(pm[i] - pa[i]);
      toB += Math.abs(pm[i] - pb[i]);
    }
    double nearer = Math.min(toA, toB);
    return nearer == 0 ? Double.POSITIVE_INFINITY : resid / nearer;
  }

  /** Pearson correlation of the tiny luma of two frames; 0 when either is flat. */
  static double correlation(FrameFeatures a, FrameFeatures b) {
    short[] pa = a.tiny;
    short[] pb = b.tiny;
    int n = pa.length;
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += pa[i];
      mb += pb[i];
    }
    ma /= n;
    mb /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      double x = pa[i] - ma;
      double y = pb[i] - mb;
      sab += x * y;
      saa += x * x;
      sbb += y * y;
    }
    if (saa < n * 4.0 || sbb < n * 4.0) {
      return 0;
    }
    return sab / Math.sqrt(saa * sbb);
  }
}

package org.videoannotator.embed.video.shots;

/**
 * The dissolve signature: during a dissolve or fade, a frame is a mix {@code w A + (1 - w) B} of
 * frames before and after it, with {@code A} and {@code B} genuinely different pictures. Either
 * shot may move during the transition, so each end may be shifted to line up with the middle before
 * fitting the mix. Pans, zooms and objects moving in are not explained by such a mix; a change of
 * light is (it mixes a picture with a brighter copy of itself), so the ends must also differ in
 * structure even after aligning them.
 */
final class BlendTest {
  /** Ends closer than this (mean luma levels) are the same picture. */
  static final double MIN_END_DIFFERENCE = 10;

  /** The mix must explain the middle this much better than either end alone. */
  static final double MAX_RESIDUAL_RATIO = 0.3;

  /**
   * A looser bound for low-contrast or moving pictures, where compression noise and motion leave
   * more residual; {@link ShotDetector} then also asks for a steady brightness trend.
   */
  static final double LOOSE_RESIDUAL_RATIO = 0.5;

  /** Ends this correlated in structure, once aligned, are one picture under different light. */
  static final double MAX_END_CORRELATION = 0.7;

  /** Search radius, in quarter-size pixels, for aligning an end with the middle. */
  private static final int ALIGN_RADIUS = 4;

  /** Only mixes that are promising without alignment are worth aligning. */
  private static final double ALIGN_WORTH = 0.9;

  private BlendTest() {}

  /**
   * How well {@code m} is a mix of {@code a} and {@code b}: the residual of the best mix divided by
   * the distance to the nearer end (smaller is more dissolve-like), or {@code +inf} when the test
   * does not apply (ends too similar, weight outside (0.12, 0.88), same structure).
   */
  static double residualRatio(FrameFeatures a, FrameFeatures m, FrameFeatures b) {
    double best = fit(a, 0, 0, m, b, 0, 0);
    if (best > ALIGN_WORTH) {
      return best == Double.MAX_VALUE ? Double.POSITIVE_INFINITY : best;
    }
    int[] sa = align(m, a);
    int[] sb = align(m, b);
    if (sa[0] != 0 || sa[1] != 0) {
      best = Math.min(best, fit(a, sa[0], sa[1], m, b, 0, 0));
    }
    if (sb[0] != 0 || sb[1] != 0) {
      best = Math.min(best, fit(a, 0, 0, m, b, sb[0], sb[1]));
      if (sa[0] != 0 || sa[1] != 0) {
        best = Math.min(best, fit(a, sa[0], sa[1], m, b, sb[0], sb[1]));
      }
    }
    if (best > LOOSE_RESIDUAL_RATIO) {
      return best;
    }
    return sameStructure(a, b) ? Double.POSITIVE_INFINITY : best;
  }

  /** Residual ratio of the best mix of a (shifted by ax, ay) and b (shifted) for m. */
  private static double fit(
      FrameFeatures a, int ax, int ay, FrameFeatures m, FrameFeatures b, int bx, int by) {
    int w = m.tw;
    int h = m.th;
    int x0 = Math.max(0, Math.max(-ax, -bx));
    int x1 = Math.min(w, Math.min(w - ax, w - bx));
    int y0 = Math.max(0, Math.max(-ay, -by));
    int y1 = Math.min(h, Math.min(h - ay, h - by));
    if (x1 - x0 < w / 2 || y1 - y0 < h / 2) {
      return Double.MAX_VALUE;
    }
    short[] pa = a.tiny;
    short[] pm = m.tiny;
    short[] pb = b.tiny;
    double ab = 0;
    double num = 0;
    double den = 0;
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int va = pa[(y + ay) * w + x + ax];
        int vb = pb[(y + by) * w + x + bx];
        int vm = pm[y * w + x];
        double d = va - vb;
        ab += Math.abs(d);
        num += (vm - vb) * d;
        den += d * d;
        n++;
      }
    }
    ab /= n;
    if (ab < MIN_END_DIFFERENCE || den == 0) {
      return Double.MAX_VALUE;
    }
    double wa = num / den;
    if (wa < 0.12 || wa > 0.88) {
      return Double.MAX_VALUE;
    }
    double resid = 0;
    double toA = 0;
    double toB = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int va = pa[(y + ay) * w + x + ax];
        int vb = pb[(y + by) * w + x + bx];
        int vm = pm[y * w + x];
        resid += Math.abs(vm - (wa * va + (1 - wa) * vb));
        toA += Math.abs(vm - va);
        toB += Math.abs(vm - vb);
      }
    }
    double nearer = Math.min(toA, toB);
    return nearer == 0 ? Double.MAX_VALUE : resid / nearer;
  }

  /** The shift of {@code other} that best lines its structure up with {@code m}. */
  private static int[] align(FrameFeatures m, FrameFeatures other) {
    int[] best = {0, 0};
    double bestErr = Double.MAX_VALUE;
    for (int sy = -ALIGN_RADIUS; sy <= ALIGN_RADIUS; sy++) {
      for (int sx = -ALIGN_RADIUS; sx <= ALIGN_RADIUS; sx++) {
        double e =
            FrameDiff.meanAbs(m.tinyNorm, other.tinyNorm, m.tw, m.th, sx, sy)
                + 0.01 * (Math.abs(sx) + Math.abs(sy));
        if (e < bestErr) {
          bestErr = e;
          best = new int[] {sx, sy};
        }
      }
    }
    return best;
  }

  /** The two ends show the same structure (up to a small shift): a light change, not a cut. */
  private static boolean sameStructure(FrameFeatures a, FrameFeatures b) {
    int[] s = align(a, b);
    return correlation(a, b, s[0], s[1]) > MAX_END_CORRELATION;
  }

  /**
   * Pearson correlation of a's tiny luma with b's shifted by (dx, dy) over the overlap; 0 when
   * either is flat (a black frame has no structure to share).
   */
  static double correlation(FrameFeatures a, FrameFeatures b, int dx, int dy) {
    int w = a.tw;
    int h = a.th;
    int x0 = Math.max(0, -dx);
    int x1 = Math.min(w, w - dx);
    int y0 = Math.max(0, -dy);
    int y1 = Math.min(h, h - dy);
    double sa = 0;
    double sb = 0;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        double va = a.tiny[y * w + x];
        double vb = b.tiny[(y + dy) * w + x + dx];
        sa += va;
        sb += vb;
        sab += va * vb;
        saa += va * va;
        sbb += vb * vb;
        n++;
      }
    }
    if (n == 0) {
      return 0;
    }
    double cov = sab / n - (sa / n) * (sb / n);
    double va = saa / n - (sa / n) * (sa / n);
    double vb = sbb / n - (sb / n) * (sb / n);
    if (va < 4.0 || vb < 4.0) {
      return 0;
    }
    return cov / Math.sqrt(va * vb);
  }
}

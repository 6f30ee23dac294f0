package org.videoannotator.learn.estimate;

/**
 * The Wilson score interval of a proportion (Wilson 1927): unlike the normal interval it stays
 * inside [0, 1] and is not empty at 0 of n, which matters for rare labels.
 */
public final class Wilson {
  /** The 97.5 % normal quantile: two-sided 95 % intervals. */
  public static final double Z = 1.959963984540054;

  private Wilson() {}

  /** {@code yes / n} with its 95 % Wilson interval. */
  public static Interval of(int yes, int n) {
    return of((double) yes, n);
  }

  /** The same for counts that include pseudo-counts (a prior worth some labels). */
  public static Interval of(double yes, double n) {
    if (!(n > 0) || yes < 0 || yes > n) {
      throw new IllegalArgumentException("need 0 <= yes <= n and n > 0, got " + yes + " of " + n);
    }
    double p = yes / n;
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return Interval.ofRate(p, centre - half, centre + half);
  }
}

package org.videoannotator.learn.estimate;

import java.util.Arrays;

/** A point estimate and its (95 %) interval, {@code lo <= value <= hi}. */
public record Interval(double value, double lo, double hi) {
  public Interval {
    if (!(lo <= value && value <= hi)) {
      throw new IllegalArgumentException(
          "interval [" + lo + ", " + hi + "] does not hold " + value);
    }
  }

  /** The interval clamped to {@code [0, 1]}. */
  static Interval ofRate(double value, double lo, double hi) {
    double v = clamp(value);
    return new Interval(v, Math.min(v, clamp(lo)), Math.max(v, clamp(hi)));
  }

  /**
   * A rate and the percentile interval (2.5 % to 97.5 %) of its bootstrap {@code resamples} (sorted
   * here, in place), widened to hold the rate itself.
   */
  static Interval bootstrap(double value, double[] resamples) {
    Arrays.sort(resamples);
    return ofRate(value, Percentile.of(resamples, 0.025), Percentile.of(resamples, 0.975));
  }

  /** {@code offset + scale * x} of every bound ({@code scale >= 0}). */
  Interval affine(double offset, double scale) {
    return new Interval(offset + scale * value, offset + scale * lo, offset + scale * hi);
  }

  double width() {
    return hi - lo;
  }

  private static double clamp(double x) {
    return Math.max(0, Math.min(1, x));
  }
}

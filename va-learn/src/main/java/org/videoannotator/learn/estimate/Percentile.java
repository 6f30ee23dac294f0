package org.videoannotator.learn.estimate;

/** Percentiles of sorted values, interpolated linearly (numpy's default). */
final class Percentile {
  private Percentile() {}

  static double of(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(sorted.length - 1, i + 1);
    return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
  }
}

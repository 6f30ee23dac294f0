package org.videoannotator.experiments.report;

import java.util.Arrays;
import java.util.List;

/** Medians as numpy's {@code percentile(q=50)} (mean of the two middle values). */
final class Medians {
  private Medians() {}

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }
}

package org.videoannotator.bench.loop;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A mean with its 95 % interval over a few values (Student's t, as the seeds are few), and a median
 * with a bootstrap interval (over labels). NaN values (undefined figures) are left out; {@code n}
 * says how many counted. The interval is null below two values. A median may take infinities ("not
 * reached" is minus infinity); a mean may not.
 */
record Spread(double mean, double[] ci, int n) {
  /** t quantile 0.975 for 1..30 degrees of freedom; 1.96 beyond. */
  private static final double[] T975 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
    2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
    2.052, 2.048, 2.045, 2.042
  };

  private static final int BOOTSTRAP = 2000;

  static Spread mean(List<Double> values) {
    double[] v = finite(values);
    if (v.length == 0) {
      return new Spread(Double.NaN, null, 0);
    }
    double mean = Arrays.stream(v).sum() / v.length;
    if (v.length < 2) {
      return new Spread(mean, null, 1);
    }
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    double half = t975(v.length - 1) * Math.sqrt(ss / (v.length - 1) / v.length);
    return new Spread(mean, new double[] {mean - half, mean + half}, v.length);
  }

  /** The median and a 95 % percentile-bootstrap interval (seeded: same values, same interval). */
  static Spread median(List<Double> values) {
    double[] v =
        values.stream()
            .filter(d -> d != null && !Double.isNaN(d))
            .mapToDouble(Double::doubleValue)
            .toArray();
    if (v.length == 0) {
      return new Spread(Double.NaN, null, 0);
    }
    double median = median(v);
    if (v.length < 2) {
      return new Spread(median, null, 1);
    }
    SplittableRandom rng = new SplittableRandom(42);
    double[] medians = new double[BOOTSTRAP];
    double[] sample = new double[v.length];
    for (int b = 0; b < BOOTSTRAP; b++) {
      for (int i = 0; i < v.length; i++) {
        sample[i] = v[rng.nextInt(v.length)];
      }
      medians[b] = median(sample);
    }
    Arrays.sort(medians);
    return new Spread(
        median,
        new double[] {medians[(int) (0.025 * BOOTSTRAP)], medians[(int) (0.975 * BOOTSTRAP) - 1]},
        v.length);
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  private static double t975(int df) {
    return df <= T975.length ? T975[df - 1] : 1.96;
  }

  private static double[] finite(List<Double> values) {
    return values.stream()
        .filter(d -> d != null && Double.isFinite(d))
        .mapToDouble(Double::doubleValue)
        .toArray();
  }
}

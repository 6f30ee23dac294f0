package org.videoannotator.experiments.protocol;

import java.util.Arrays;

/**
 * A figure measured several times (the protocol's bootstraps, or a decision process's rewards),
 * summarised as the reference does: NaN values (a bootstrap without positives) are ignored; an
 * empty metric has mean and std 0; a metric with only NaN values has no mean (error).
 *
 * @param values every measurement in order, NaN included
 */
public record Metric(double[] values) {
  public static final Metric EMPTY = new Metric(new double[0]);

  public Metric {
    values = values.clone();
  }

  /** The values that are not NaN, in order; an error when every value is NaN. */
  public double[] finiteValues() {
    double[] finite = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    if (finite.length == 0 && values.length > 0) {
      throw new IllegalStateException("metric only contains NaN: " + Arrays.toString(values));
    }
    return finite;
  }

  public double mean() {
    double[] finite = finiteValues();
    return finite.length == 0 ? 0 : NumpyStats.mean(finite);
  }

  public double std() {
    double[] finite = finiteValues();
    return finite.length == 0 ? 0 : NumpyStats.std(finite);
  }

  /** The last finite value, or -infinity when there is none. */
  public double last() {
    double[] finite = finiteValues();
    return finite.length == 0 ? Double.NEGATIVE_INFINITY : finite[finite.length - 1];
  }

  /**
   * Exponentially weighted mean of the finite values, the newest weighted 1 and each older one
   * {@code 1 - alpha} times less; 0 when there is none. Summed newest first like the reference.
   */
  public double ewma(double alpha) {
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
    }
    double[] finite = finiteValues();
    if (finite.length == 0) {
      return 0;
    }
    double decay = 1 - alpha;
    double num = 0;
    double den = 0;
    for (int i = 0; i < finite.length; i++) {
      double weight = Math.pow(decay, i);
      num += finite[finite.length - 1 - i] * weight;
      den += weight;
    }
    return num / den;
  }

  /** A new metric with {@code value} appended. */
  public Metric add(double value) {
    double[] next = Arrays.copyOf(values, values.length + 1);
    next[values.length] = value;
    return new Metric(next);
  }

  /** The raw last value (NaN included), as the reward uses it; error when empty. */
  public double lastRaw() {
    if (values.length == 0) {
      throw new IllegalStateException("metric has no values");
    }
    return values[values.length - 1];
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Metric m && Arrays.equals(values, m.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Metric" + Arrays.toString(values);
  }
}

package org.videoannotator.experiments.protocol;

import java.util.Arrays;
import org.videoannotator.learn.LabelledSet;
import org.videoannotator.learn.Metrics;
import org.videoannotator.learn.NumpyRandomState;

/**
 * The protocol's random baseline B of a validation set: its positive rate when it holds at least
 * 1,000 items, else the AP of 1,000 uniformly random scorings drawn with numpy seed 0 (row after
 * row, labels ordered positives first).
 */
public final class RandomBaseline {
  /** Size from which the positive rate is used, and the number of random scorings below it. */
  public static final int THRESHOLD = 1_000;

  private RandomBaseline() {}

  public static Metric of(LabelledSet validation) {
    int n = validation.size();
    int p = validation.positiveCount();
    if (n >= THRESHOLD) {
      return new Metric(new double[] {p / (double) n});
    }
    boolean[] y = new boolean[n];
    Arrays.fill(y, 0, p, true);
    NumpyRandomState random = new NumpyRandomState(0);
    double[] values = new double[THRESHOLD];
    for (int i = 0; i < THRESHOLD; i++) {
      values[i] = Metrics.averagePrecision(y, random.randomSample(n));
    }
    return new Metric(values);
  }
}

package org.videoannotator.learn.estimate;

import java.util.SplittableRandom;
import org.videoannotator.learn.Metrics;

/**
 * Average precision on the random feed's labelled clips, scored out of fold: an estimate of the
 * corpus's AP from a uniform sample, unlike the cross-validated AP on the labelled set, which the
 * loop fills with likely positives and hard negatives. Its interval is a percentile bootstrap over
 * those clips; resamples without a "yes" or a "no" (AP undefined or trivial) are drawn again.
 */
public final class RandomSampleAp {
  static final int RESAMPLES = 1000;

  private RandomSampleAp() {}

  /**
   * The AP of {@code scores} against {@code y} with its 95 % interval; needs a "yes" and a "no".
   */
  public static Interval estimate(double[] scores, boolean[] y, long seed) {
    int pos = 0;
    for (boolean b : y) {
      pos += b ? 1 : 0;
    }
    if (pos == 0 || pos == y.length) {
      throw new IllegalArgumentException(
          "AP needs both classes, got " + pos + " yes of " + y.length);
    }
    double value = Metrics.averagePrecision(y, scores);
    SplittableRandom random = new SplittableRandom(seed);
    double[] aps = new double[RESAMPLES];
    double[] s = new double[y.length];
    boolean[] b = new boolean[y.length];
    for (int r = 0; r < RESAMPLES; r++) {
      int yes;
      do {
        yes = 0;
        for (int i = 0; i < y.length; i++) {
          int k = random.nextInt(y.length);
          s[i] = scores[k];
          b[i] = y[k];
          yes += b[i] ? 1 : 0;
        }
      } while (yes == 0 || yes == y.length);
      aps[r] = Metrics.averagePrecision(b, s);
    }
    return Interval.bootstrap(value, aps);
  }
}

package org.videoannotator.learn.estimate;

import java.util.SplittableRandom;
import org.videoannotator.learn.Calibration;

/**
 * The share of "yes" among the unlabelled clips by {@link PriorShift}, with a percentile bootstrap
 * interval: the labelled set's out-of-fold scores are resampled, Platt's sigmoid refitted on each
 * resample and the prior re-estimated with it. It measures how much the estimate moves with the
 * labels at hand, not the bias the loop's selection may add (see {@link PriorShift}).
 */
public final class PriorShiftRate {
  static final int RESAMPLES = 200;

  private PriorShiftRate() {}

  /**
   * @param unlabelled the calibrated logits ({@code slope * w.x + intercept}) of the unlabelled
   *     clips
   * @param outOfFold the labelled clips' out-of-fold {@code w.x}
   * @param y their labels
   * @param slope Platt's slope of the calibration, {@code intercept} its intercept
   */
  public static Interval estimate(
      LogitSample unlabelled,
      double[] outOfFold,
      boolean[] y,
      double slope,
      double intercept,
      long seed) {
    double value = PriorShift.corpusPrior(unlabelled, Calibration.labelledPrior(y));
    if (!(slope > 1e-9)) {
      // scores that do not rank say nothing about the prior
      return new Interval(value, 0, 1);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] priors = new double[RESAMPLES];
    double[] f = new double[y.length];
    boolean[] b = new boolean[y.length];
    for (int r = 0; r < RESAMPLES; r++) {
      for (int i = 0; i < y.length; i++) {
        int k = random.nextInt(y.length);
        f[i] = outOfFold[k];
        b[i] = y[k];
      }
      double[] ab = Calibration.plattFit(f, b);
      // logit' = a' w.x + b' = (a' / a) (logit - intercept) + b'
      double scale = ab[0] / slope;
      priors[r] =
          PriorShift.corpusPrior(
              unlabelled.map(scale, ab[1] - scale * intercept), Calibration.labelledPrior(b));
    }
    return Interval.bootstrap(value, priors);
  }
}

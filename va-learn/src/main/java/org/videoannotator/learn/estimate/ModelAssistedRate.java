package org.videoannotator.learn.estimate;

/**
 * The share of "yes" among unlabelled clips from the model's probabilities, corrected by what a
 * uniform sample says about their error: {@code mean_U(p) + mean_R(y - q)}, where {@code p} are the
 * unlabelled clips' probabilities, {@code R} the random feed's labelled clips and {@code q} their
 * out-of-fold probabilities. This is the survey sampler's difference estimator (Särndal, Swensson
 * and Wretman 1992), which Angelopoulos et al. (2023) call prediction-powered inference: the
 * correction makes it unbiased whatever the model's bias (the loop's selection included), and it is
 * tighter than the sample's own share when the model's errors vary less than the labels do. The
 * interval is the normal one on the corrections' mean.
 */
public final class ModelAssistedRate {
  private ModelAssistedRate() {}

  /**
   * @param unlabelledMean mean probability over the unlabelled clips
   * @param y the random feed's labels
   * @param q the model's out-of-fold probabilities of those clips, on the unlabelled clips' scale
   */
  public static Interval estimate(double unlabelledMean, boolean[] y, double[] q) {
    int n = y.length;
    if (n < 2 || q.length != n) {
      throw new IllegalArgumentException("need at least 2 labelled random clips with scores, got " + n);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += (y[i] ? 1 : 0) - q[i];
    }
    double mean = sum / n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double d = (y[i] ? 1 : 0) - q[i] - mean;
      ss += d * d;
    }
    double se = Math.sqrt(ss / (n - 1) / n);
    double value = unlabelledMean + mean;
    return Interval.ofRate(value, value - Wilson.Z * se, value + Wilson.Z * se);
  }
}

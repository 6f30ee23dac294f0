package org.videoannotator.learn.estimate;

/** The logistic function and its inverse, as the learner computes them. */
final class Logits {
  private Logits() {}

  static double sigmoid(double t) {
    if (t >= 0) {
      return 1.0 / (1.0 + StrictMath.exp(-t));
    }
    double e = StrictMath.exp(t);
    return e / (1.0 + e);
  }

  /** {@code log(p / (1 - p))}, finite for p in (0, 1). */
  static double logit(double p) {
    return Math.log(p) - Math.log1p(-p);
  }
}

package org.videoannotator.learn.estimate;

/** The logistic function and its inverse, as the learner computes them. */
public final class Logits {
  private Logits() {}

  /** {@code sigmoid} of every logit, as float: the probabilities {@code CorpusScorer} gives. */
  public static float[] probabilities(float[] logits) {
    float[] out = new float[logits.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) sigmoid(logits[i]);
    }
    return out;
  }

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

package org.videoannotator.learn.estimate;

/**
 * The random feed's share of "yes" and the model's estimate of the same share, blended by how much
 * each knows: weights inversely proportional to their variances (read from their 95 % intervals).
 * The random feed is a uniform sample, so it is unbiased but, for a rare label with a few dozen
 * answers, mostly the annotators' mistakes; the model's estimate is tight but leans on the
 * selection's correction. So the blend's value is the precision-weighted mean, its interval never
 * narrower than the random feed's own (which holds whatever the model's bias), and the random feed
 * alone decides only when the two intervals do not meet: then it refutes the model. (Before, 25
 * noisy random answers at the edge of their interval overrode the model and called 0 % of a corpus
 * that was 19 % "yes".)
 */
record RandomFeedBlend(Interval rate, boolean refuted) {
  /** A variance floor, so that a degenerate interval does not take the whole weight. */
  private static final double MIN_VARIANCE = 1e-6;

  static RandomFeedBlend of(Interval model, Interval random) {
    if (model.lo() > random.hi() || model.hi() < random.lo()) {
      return new RandomFeedBlend(random, true);
    }
    double wm = 1 / variance(model);
    double wr = 1 / variance(random);
    double value = (wm * model.value() + wr * random.value()) / (wm + wr);
    double half = Wilson.Z * Math.sqrt(1 / (wm + wr));
    return new RandomFeedBlend(
        Interval.ofRate(
            value, Math.min(value - half, random.lo()), Math.max(value + half, random.hi())),
        false);
  }

  private static double variance(Interval i) {
    double sd = i.width() / (2 * Wilson.Z);
    return Math.max(MIN_VARIANCE, sd * sd);
  }
}

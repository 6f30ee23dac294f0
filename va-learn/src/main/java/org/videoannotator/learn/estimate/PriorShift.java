package org.videoannotator.learn.estimate;

/**
 * Prior-shift correction (Saerens, Latinne and Decaestecker 2002, "Adjusting the outputs of a
 * classifier to new a priori probabilities"): probabilities calibrated on a labelled set with prior
 * {@code pi_L} become, for a population with prior {@code pi}, {@code p' = (pi / pi_L) p / ((pi /
 * pi_L) p + ((1 - pi) / (1 - pi_L)) (1 - p))}, i.e. the logit moves by {@code logit(pi) -
 * logit(pi_L)}. Their EM re-estimates {@code pi} by alternating that adjustment with {@code pi =
 * mean(p')}; its fixed point maximises {@code sum log(pi * o + 1 - pi)} with {@code o =
 * exp(logit(p) - logit(pi_L))}, which is concave in {@code pi}, so here the maximum is found
 * directly by bisection on the slope: the same answer, in a fixed number of steps and without EM's
 * slow crawl when the classes overlap.
 *
 * <p>It assumes only the class balance differs between labelled set and corpus (each class's clips
 * look alike in both), which the loop bends: searched "no" clips are harder than the corpus's. The
 * random feed's labels check and correct it ({@link CorpusEstimates}).
 */
public final class PriorShift {
  private static final int BISECTIONS = 45;

  private PriorShift() {}

  /**
   * The prior of the clips in {@code sample} that their logits, calibrated at {@code
   * labelledPrior}, imply.
   */
  public static double corpusPrior(LogitSample sample, double labelledPrior) {
    if (sample.size() == 0) {
      return labelledPrior;
    }
    double[] ratios = sample.likelihoodRatios(Logits.logit(labelledPrior));
    double lo = 0;
    double hi = 1;
    if (sample.likelihoodSlope(ratios, lo) <= 0) {
      return 0;
    }
    if (sample.likelihoodSlope(ratios, hi) >= 0) {
      return 1;
    }
    for (int i = 0; i < BISECTIONS; i++) {
      double mid = (lo + hi) / 2;
      if (sample.likelihoodSlope(ratios, mid) > 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** What to add to a logit calibrated at prior {@code from} to hold at prior {@code to}. */
  public static double logitShift(double from, double to) {
    return Logits.logit(to) - Logits.logit(from);
  }

  /**
   * The logit shift after which the sample's probabilities average {@code target}: the prior-shift
   * adjustment that is calibrated in the large for a prevalence estimated otherwise (with the
   * random feed). At the {@link #corpusPrior} itself it equals {@link #logitShift}.
   */
  public static double shiftToMean(LogitSample sample, double target) {
    double lo = -60;
    double hi = 60;
    for (int i = 0; i < 60; i++) {
      double mid = (lo + hi) / 2;
      if (sample.meanProbability(mid) < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}

package org.videoannotator.learn.estimate;

import java.util.Arrays;

/**
 * The share of "yes" answers among the unlabelled clips under covariate shift: the search and the
 * feeds pick clips by their features, which changes which clips are labelled but not {@code
 * P(answer | x)}, so the answer model fitted on the labelled clips ({@link AnswerError}, out of
 * fold) averaged over the unlabelled clips estimates their share consistently, whatever the
 * labelled set's balance, where the labelled clips span the corpus's scores.
 *
 * <p>Where they do not, the fit extrapolates; since the truth probability rises with the score, a
 * clip scored below every labelled clip is "yes" with a probability between 0 and that of the
 * lowest-scored labelled clip (above the highest, between that one's and 1). The interval is the
 * bootstrap's over the refits, widened by those bounds, and the estimate is used only where the
 * bounded part could at most halve or double it, and only with enough answers of each kind to fit
 * the answer model ({@link AnswerError#enoughAnswers}).
 */
final class CovariateShiftRate {
  private CovariateShiftRate() {}

  /**
   * The estimate's interval, and whether the labelled clips span the corpus's scores enough to use
   * it.
   */
  record Result(Interval rate, boolean covers) {}

  /**
   * @param unlabelled the unlabelled clips' calibrated logits ({@code slope * w.x + intercept})
   * @param outOfFold the labelled clips' out-of-fold {@code w.x}, as the error fit saw them
   * @param labelled their answers (an answer model needs enough of each, {@link
   *     AnswerError#enoughAnswers})
   */
  static Result estimate(
      LogitSample unlabelled,
      double[] outOfFold,
      boolean[] labelled,
      AnswerError.Estimate errors,
      double slope,
      double intercept) {
    if (!(slope > 1e-9) || unlabelled.size() == 0 || !AnswerError.enoughAnswers(labelled)) {
      return new Result(new Interval(0, 0, 1), false);
    }
    double value = answerRate(unlabelled, errors.fit(), slope, intercept);
    double[] rates = new double[errors.resamples().length];
    for (int r = 0; r < rates.length; r++) {
      rates[r] = answerRate(unlabelled, errors.resamples()[r], slope, intercept);
    }
    Arrays.sort(rates);
    // the clips beyond the labelled scores, each at either end of what it may be (answer scale)
    AnswerError.Fit fit = errors.fit();
    double lowest = Arrays.stream(outOfFold).min().orElseThrow() * slope + intercept;
    double highest = Arrays.stream(outOfFold).max().orElseThrow() * slope + intercept;
    double[] slack =
        unlabelled.extrapolationSlack(
            lowest,
            highest,
            t -> fit.answer((t - intercept) / slope),
            fit.falseYes(),
            1 - fit.falseNo());
    boolean covers = slack[0] <= value / 2 && slack[1] <= value;
    double lo = Math.min(Percentile.of(rates, 0.025), value - slack[0]);
    double hi = Math.max(Percentile.of(rates, 0.975), value + slack[1]);
    return new Result(Interval.ofRate(value, lo, hi), covers);
  }

  private static double answerRate(
      LogitSample unlabelled, AnswerError.Fit fit, double slope, double intercept) {
    // a w.x + b = (a / slope) (logit - intercept) + b
    double scale = fit.a() / slope;
    double truth = unlabelled.map(scale, fit.b() - scale * intercept).meanProbability(0);
    return fit.falseYes() + (1 - fit.falseYes() - fit.falseNo()) * truth;
  }
}

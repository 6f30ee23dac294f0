package org.videoannotator.learn.estimate;

import java.util.SplittableRandom;
import org.videoannotator.learn.Calibration;

/**
 * How often the annotators' answers disagree with the truth, from their answers and the model's
 * out-of-fold scores {@code s}: the answers are fitted as {@code P(answer yes | s) = e0 + (1 - e0 -
 * e1) sigmoid(a s + b)}, where {@code sigmoid(a s + b)} is the probability that the clip truly is
 * "yes", {@code e0} the share of true "no" answered "yes" (the floor: "yes" where the model is sure
 * of "no") and {@code e1} the share of true "yes" answered "no" (the ceiling). Fitted by EM over
 * the latent truth (the M step is two ratios and a Newton step of the sigmoid towards the
 * posteriors: a generalised EM, which still raises the likelihood every round). The loop selects
 * clips by their features, which does not change {@code P(answer | x)} (covariate shift), so the
 * fit holds on the corpus too.
 *
 * <p>Nothing is fitted with fewer than {@value #MIN_RARER_ANSWERS} answers of either kind. A floor
 * is identified only by clips the model is sure of: a side with fewer than {@value #MIN_SURE}
 * labelled clips whose fitted truth probability is beyond {@value #SURE} of certainty is fixed at 0
 * (not estimated, said so), and a model whose scores do not rank fixes both. The intervals are
 * percentile bootstraps over the labelled clips.
 */
public final class AnswerError {
  static final int MIN_SURE = 10;

  /**
   * Answers of the rarer kind needed to fit the four-parameter model at all: ten per parameter (the
   * events-per-variable rule of thumb for logistic models, Peduzzi et al. 1996).
   */
  public static final int MIN_RARER_ANSWERS = 40;

  static final double SURE = 0.1;
  static final int RESAMPLES = 100;

  /** Better than a coin: a larger error would swap what "yes" means. */
  private static final double MAX_ERROR = 0.45;

  private static final int EM_STEPS = 3000;

  /**
   * EM stops when a round gains less log-likelihood than this per answer: the rates then still move
   * in their fourth decimal, far inside their bootstrap intervals, and a build's 101 fits take a
   * third of the rounds they took at 1e-12 (with the one-step M-step, 7-8x less CPU in all).
   */
  private static final double CONVERGED = 1e-8;

  /**
   * One fit. {@code falseYesFitted}/{@code falseNoFitted}: whether that side was identified (else
   * 0).
   */
  public record Fit(
      double falseYes,
      double falseNo,
      double a,
      double b,
      boolean falseYesFitted,
      boolean falseNoFitted) {
    /** The probability that a clip of out-of-fold score {@code s} truly is "yes". */
    public double truth(double s) {
      return Logits.sigmoid(a * s + b);
    }

    /** The probability that it is answered "yes". */
    double answer(double s) {
      return falseYes + (1 - falseYes - falseNo) * truth(s);
    }
  }

  /**
   * The fit, its error rates' 95 % intervals, the clips it was fitted on and the bootstrap refits;
   * {@code boundingAnswers}: when the fit could not tell the false-"yes" rate, the answers on
   * low-scored clips that bound it ({@link FalseYesBound}: {@code falseYes} then runs from 0 to the
   * bound), else 0.
   */
  public record Estimate(
      Fit fit, Interval falseYes, Interval falseNo, int n, Fit[] resamples, int boundingAnswers) {
    /** Whether the false-"yes" rate is a bound from low-scored answers rather than fitted. */
    public boolean falseYesBounded() {
      return boundingAnswers > 0;
    }

    /**
     * The true share of "yes" for an observed share of "yes" answers {@code observed}: {@code
     * (observed - e0) / (1 - e0 - e1)}, its ends taken at the error rates' ends that widen it (a
     * conservative union of the two intervals).
     */
    public Interval correct(Interval observed) {
      return Interval.ofRate(
          unmix(observed.value(), fit.falseYes(), fit.falseNo()),
          unmix(observed.lo(), falseYes.hi(), falseNo.lo()),
          unmix(observed.hi(), falseYes.lo(), falseNo.hi()));
    }

    private static double unmix(double observed, double e0, double e1) {
      return (observed - e0) / (1 - e0 - e1);
    }
  }

  private AnswerError() {}

  /** The error rates of answers {@code y} to clips of out-of-fold scores {@code s}. */
  public static Estimate estimate(double[] s, boolean[] y, long seed) {
    return estimate(s, y, null, seed);
  }

  /**
   * As {@link #estimate(double[], boolean[], long)}, the rates drawn towards {@code prior} (the
   * annotators' other labels, {@link ErrorPrior}; null: none) by maximum a posteriori EM. With a
   * prior both rates are estimated whenever the scores rank: the prior identifies what this label's
   * answers alone cannot.
   */
  public static Estimate estimate(double[] s, boolean[] y, ErrorPrior prior, long seed) {
    Fit fit = prior == null ? fit(s, y, null) : fitWithPrior(s, y, prior, null);
    SplittableRandom random = new SplittableRandom(seed);
    Fit[] resamples = new Fit[RESAMPLES];
    double[] e0 = new double[RESAMPLES];
    double[] e1 = new double[RESAMPLES];
    double[] f = new double[s.length];
    boolean[] b = new boolean[s.length];
    for (int r = 0; r < RESAMPLES; r++) {
      for (int i = 0; i < s.length; i++) {
        int k = random.nextInt(s.length);
        f[i] = s[k];
        b[i] = y[k];
      }
      resamples[r] = prior == null ? fit(f, b, fit) : fitWithPrior(f, b, prior, fit);
      e0[r] = resamples[r].falseYes();
      e1[r] = resamples[r].falseNo();
    }
    return new Estimate(
        fit,
        Interval.bootstrap(fit.falseYes(), e0),
        Interval.bootstrap(fit.falseNo(), e1),
        s.length,
        resamples,
        0);
  }

  /**
   * The maximum-likelihood fit; {@code sides}, when given, fixes which error rates are free (the
   * bootstrap refits the sides the full data identified, so that the interval is of that estimate).
   */
  static Fit fit(double[] s, boolean[] y, Fit sides) {
    if (sides == null) {
      double[] platt = Calibration.plattFit(s, y);
      if (!(platt[0] > 0) || !enoughAnswers(y)) {
        return new Fit(0, 0, platt[0], platt[1], false, false);
      }
      Fit free = em(s, y, new Fit(0.05, 0.05, platt[0], platt[1], true, true));
      int sureNo = 0;
      int sureYes = 0;
      for (double v : s) {
        double t = free.truth(v);
        sureNo += t < SURE ? 1 : 0;
        sureYes += t > 1 - SURE ? 1 : 0;
      }
      boolean e0 = sureNo >= MIN_SURE;
      boolean e1 = sureYes >= MIN_SURE;
      return e0 && e1 ? free : em(s, y, new Fit(0.05, 0.05, platt[0], platt[1], e0, e1));
    }
    // a refit starts from the full data's fit: the same maximum, nearby
    return em(s, y, sides);
  }

  /**
   * The maximum a posteriori fit under {@code prior}, from {@code start} when given (a bootstrap
   * refit), else from the prior's rates and Platt's sigmoid; none when the scores do not rank.
   */
  private static Fit fitWithPrior(double[] s, boolean[] y, ErrorPrior prior, Fit start) {
    if (start == null) {
      double[] platt = Calibration.plattFit(s, y);
      if (!(platt[0] > 0)) {
        return new Fit(0, 0, platt[0], platt[1], false, false);
      }
      // a rate no other label fitted (weight 0) stays unfitted, as without a prior
      start =
          new Fit(
              prior.falseYes(),
              prior.falseNo(),
              platt[0],
              platt[1],
              prior.falseYesWeight() > 0,
              prior.falseNoWeight() > 0);
    }
    return em(s, y, start, prior);
  }

  /** Whether {@code y} holds {@value #MIN_RARER_ANSWERS} of each answer. */
  public static boolean enoughAnswers(boolean[] y) {
    int yes = 0;
    for (boolean b : y) {
      yes += b ? 1 : 0;
    }
    return Math.min(yes, y.length - yes) >= MIN_RARER_ANSWERS;
  }

  /**
   * EM from {@code start}, fitting the error rates {@code start} marks fitted (the others stay 0).
   */
  private static Fit em(double[] s, boolean[] y, Fit start) {
    return em(s, y, start, null);
  }

  /**
   * EM from {@code start}; with a {@code prior}, each M step adds its pseudo-answers to the
   * expected counts (the Beta prior's mode), so the rates it fits are maximum a posteriori.
   */
  private static Fit em(double[] s, boolean[] y, Fit start, ErrorPrior prior) {
    double k0 = prior == null ? 0 : prior.falseYesWeight();
    double k1 = prior == null ? 0 : prior.falseNoWeight();
    double p0 = prior == null ? 0 : prior.falseYes();
    double p1 = prior == null ? 0 : prior.falseNo();
    boolean fitFalseYes = start.falseYesFitted();
    boolean fitFalseNo = start.falseNoFitted();
    double a = start.a();
    double b = start.b();
    double e0 = fitFalseYes ? Math.max(0.01, start.falseYes()) : 0;
    double e1 = fitFalseNo ? Math.max(0.01, start.falseNo()) : 0;
    double[] w = new double[s.length];
    SigmoidStep sigmoidStep = new SigmoidStep(s);
    double last = Double.NEGATIVE_INFINITY;
    for (int step = 0; step < EM_STEPS && (fitFalseYes || fitFalseNo); step++) {
      // E: the posterior probability that each clip truly is "yes", given its answer
      double logLikelihood = 0;
      double answeredYesTrulyNo = 0;
      double trulyNo = 0;
      double answeredNoTrulyYes = 0;
      double trulyYes = 0;
      double[] p = sigmoidStep.probabilities(a, b);
      for (int i = 0; i < s.length; i++) {
        double yes = y[i] ? (1 - e1) * p[i] : e1 * p[i];
        double no = y[i] ? e0 * (1 - p[i]) : (1 - e0) * (1 - p[i]);
        logLikelihood += Math.log(Math.max(1e-300, yes + no));
        w[i] = yes + no > 0 ? yes / (yes + no) : (y[i] ? 1 : 0);
        trulyYes += w[i];
        trulyNo += 1 - w[i];
        answeredNoTrulyYes += y[i] ? 0 : w[i];
        answeredYesTrulyNo += y[i] ? 1 - w[i] : 0;
      }
      // M: the error rates are ratios of expected counts; the sigmoid is fitted to the posteriors
      e0 =
          fitFalseYes && trulyNo + k0 > 0
              ? Math.min(MAX_ERROR, (answeredYesTrulyNo + k0 * p0) / (trulyNo + k0))
              : 0;
      e1 =
          fitFalseNo && trulyYes + k1 > 0
              ? Math.min(MAX_ERROR, (answeredNoTrulyYes + k1 * p1) / (trulyYes + k1))
              : 0;
      // One Newton step from the last fit (a generalised EM step, which still raises the
      // likelihood): the targets move little per round
      double[] ab = sigmoidStep.step(w, a, b);
      a = ab[0];
      b = ab[1];
      if (logLikelihood - last < CONVERGED * s.length) {
        break;
      }
      last = logLikelihood;
    }
    return new Fit(e0, e1, a, b, fitFalseYes, fitFalseNo);
  }
}

package org.videoannotator.learn.estimate;

import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;
import org.videoannotator.learn.Calibration;

/**
 * What a build tells an editor about the corpus, from numbers the loop's selection does not bias or
 * that are corrected for it: the prevalence of the label with its interval and method, the decision
 * threshold for that prevalence ({@link CorpusCut}), the AP on the random feed's labels when there
 * are enough, and advice in words when the estimates are weak ({@link Advice}).
 *
 * <p>Prevalence is counted, not only estimated: the labelled clips' answers are known, so only the
 * share of "yes" among the unlabelled clips {@code U} is estimated, and {@code prevalence =
 * (labelled yes + rate_U * |U|) / N}. The rate comes from
 *
 * <ul>
 *   <li>{@code covariate-shift}: the answer model fitted on the labelled clips ({@link
 *       AnswerError}) averaged over the unlabelled ones ({@link CovariateShiftRate}), where the
 *       labelled clips span the corpus's scores: the search and the feeds select by features, which
 *       leaves {@code P(answer | x)} as it is;
 *   <li>{@code prior-shift}: otherwise, the model's scores corrected for the labelled set's class
 *       balance ({@link PriorShiftRate}), while fewer than {@value #MIN_RANDOM} random-feed clips
 *       are labelled. Nothing has checked it then, so its interval runs from the labelled "yes" to
 *       the labelled set's share of "yes", and the decision takes a cautious end (see {@link #of});
 *   <li>{@code combined}: the random feed's labels (a uniform sample of the unlabelled corpus) with
 *       the model's estimate (either of the above) as a prior worth {@value #MIN_RANDOM} labels,
 *       while that estimate lies inside the random labels' own interval: {@code (k + m * ps) / (n +
 *       m)} with a Wilson interval on those counts;
 *   <li>{@code random-feed}: the random feed's labels alone ({@link Wilson}) once they exclude the
 *       model's estimate, which they then refute.
 * </ul>
 *
 * All of these are shares of "yes" answers, and answers carry the annotators' mistakes: with error
 * rates {@code e0} (false "yes") and {@code e1} (false "no"), what they measure is {@code e0 + (1 -
 * e0 - e1) truth}, so with 10 % noise a 1 % label reads as 11 %. The prevalence and the decision
 * are corrected by the fitted rates ({@link AnswerError.Estimate#correct}). Where the false-"yes"
 * rate cannot be fitted, the answers on clips the model scores low bound it ({@link
 * FalseYesBound}), and the interval spans every value the bound allows.
 */
public final class CorpusEstimates {
  /** Random-feed labels needed before they are used for the prevalence. */
  public static final int MIN_RANDOM = 10;

  /** Random-feed labels, and "yes" among them, needed before the AP is measured on them. */
  public static final int MIN_RANDOM_FOR_AP = 20;

  public static final int MIN_RANDOM_YES_FOR_AP = 3;

  public static final String PRIOR_SHIFT = "prior-shift";
  public static final String RANDOM_FEED = "random-feed";
  public static final String COMBINED = "combined";
  public static final String COVARIATE_SHIFT = "covariate-shift";

  /**
   * The clips labelled yes or no, in the order the calibration saw them.
   *
   * @param rows corpus rows
   * @param yes their answers
   * @param outOfFold their out-of-fold {@code w.x} ({@code Calibration.Result.outOfFold()})
   * @param fromRandomFeed whether each was labelled from the random feed
   */
  public record LabelledClips(
      int[] rows, boolean[] yes, double[] outOfFold, boolean[] fromRandomFeed) {
    public LabelledClips {
      if (yes.length != rows.length
          || outOfFold.length != rows.length
          || fromRandomFeed.length != rows.length) {
        throw new IllegalArgumentException(
            "labelled clips: "
                + rows.length
                + " rows, "
                + yes.length
                + " answers, "
                + outOfFold.length
                + " scores, "
                + fromRandomFeed.length
                + " sources");
      }
    }
  }

  /**
   * The corpus's share of "yes", its 95 % interval, how it was estimated and on how many random
   * labels.
   */
  public record Prevalence(double value, double lo, double hi, String method, int randomLabels) {}

  /**
   * @param prevalence the corpus's share of "yes"
   * @param cut where the model says "yes" for that prevalence
   * @param apOnRandom AP on the random feed's labels with its interval, or null when too few
   * @param randomApLabels random-feed labels the AP was measured on
   * @param model the model's estimate of the prevalence ({@code covariate-shift} or {@code
   *     prior-shift}, corrected for the answers' errors), whichever was used
   * @param logitShift what to add to the calibrated logits for answer probabilities at the corpus's
   *     rate
   * @param answerError the annotators' estimated error rates, by which the prevalence is corrected
   * @param advice what to label to firm the estimates up, in words (empty when they are firm)
   * @param ownAnswerError the error rates from this label's answers alone, for other labels' prior
   *     ({@link ErrorPrior}); the same as {@code answerError} when there was no prior
   * @param errorPrior the prior the error rates were drawn towards, or null when none was used
   */
  public record Result(
      Prevalence prevalence,
      CorpusCut.Cut cut,
      Interval apOnRandom,
      int randomApLabels,
      Interval model,
      double logitShift,
      AnswerError.Estimate answerError,
      List<String> advice,
      AnswerError.Estimate ownAnswerError,
      ErrorPrior errorPrior) {}

  private CorpusEstimates() {}

  /**
   * The estimates, the annotators' error rates drawn towards {@code prior}, what their other labels
   * say ({@link ErrorPrior}; null: this label's answers alone; asked for only when it applies,
   * since gathering it reads every other label's latest build), once the label has {@value
   * AnswerError#MIN_RARER_ANSWERS} answers of each kind: a first build's few answers keep the
   * estimates that need no rates (its decision is the clips it has labelled "yes", which a pooled
   * false-"yes" rate would correct to none).
   *
   * @param logits the calibrated model's logit of every corpus row
   * @param probabilities the same as the server stores them (the cut is one of them)
   * @param labelled the clips labelled yes or no
   * @param slope Platt's slope of the calibration, {@code intercept} its intercept
   * @param seed seed of the bootstraps
   */
  public static Result of(
      float[] logits,
      float[] probabilities,
      LabelledClips labelled,
      double slope,
      double intercept,
      Supplier<ErrorPrior> prior,
      long seed) {
    int n = logits.length;
    BitSet isLabelled = new BitSet(n);
    int knownYes = 0;
    for (int i = 0; i < labelled.rows().length; i++) {
      if (!isLabelled.get(labelled.rows()[i])) {
        isLabelled.set(labelled.rows()[i]);
        knownYes += labelled.yes()[i] ? 1 : 0;
      }
    }
    LogitSample unlabelled = LogitSample.of(logits, isLabelled::get);
    // Every rate below is of "yes" answers, which is what the labels and the model trained on them
    // measure; the annotators' error rates turn the prevalence into the truth's at the end.
    AnswerError.Estimate own = AnswerError.estimate(labelled.outOfFold(), labelled.yes(), seed);
    ErrorPrior used = AnswerError.enoughAnswers(labelled.yes()) ? prior.get() : null;
    AnswerError.Estimate errors =
        used == null ? own : AnswerError.estimate(labelled.outOfFold(), labelled.yes(), used, seed);
    CovariateShiftRate.Result covariate =
        CovariateShiftRate.estimate(
            unlabelled, labelled.outOfFold(), labelled.yes(), errors, slope, intercept);
    Interval modelRate =
        covariate.covers()
            ? covariate.rate()
            : PriorShiftRate.estimate(
                unlabelled, labelled.outOfFold(), labelled.yes(), slope, intercept, seed);
    String modelMethod = covariate.covers() ? COVARIATE_SHIFT : PRIOR_SHIFT;
    RandomClips random = RandomClips.of(labelled, slope, intercept);
    Interval rate = modelRate;
    String method = modelMethod;
    if (random.size() >= MIN_RANDOM) {
      Interval alone = Wilson.of(random.yesCount(), random.size());
      boolean consistent = alone.lo() <= modelRate.value() && modelRate.value() <= alone.hi();
      rate =
          consistent
              ? Wilson.of(
                  random.yesCount() + MIN_RANDOM * modelRate.value(), random.size() + MIN_RANDOM)
              : alone;
      method = consistent ? COMBINED : RANDOM_FEED;
    }
    double u = unlabelled.size();
    Interval prevalence =
        n == 0 ? new Interval(0, 0, 0) : rate.affine(knownYes / (double) n, u / n);
    Interval modelPrevalence = n == 0 ? prevalence : modelRate.affine(knownYes / (double) n, u / n);
    // Unchecked by random labels and by the labelled clips' spread, the model's estimate can be far
    // off either way when the labelled clips are unlike the corpus (a search's "no" clips teach the
    // model what the corpus is not), and its bootstrap cannot see that bias. So its interval spans
    // what the labels themselves bound: from the clips labelled "yes" (certain) to the labelled
    // set's share of "yes" over the rest (the loop's premise: search and the feeds pick likely
    // positives, so that share is the richer one), or the bootstrap's upper end if higher. The
    // decision takes the bootstrap's lower end; and an estimate above the labelled share
    // contradicts the premise (on generated data such models scored the corpus's typical clips
    // above every labelled "no"), so it decides nothing beyond the clips labelled "yes" until the
    // random feed checks it.
    double decided = prevalence.value();
    boolean implausible = false;
    if (method.equals(PRIOR_SHIFT) && n > 0) {
      double labelledShare = knownYes / (double) isLabelled.cardinality();
      implausible = modelRate.value() > labelledShare;
      decided = implausible ? knownYes / (double) n : modelPrevalence.lo();
      // a discarded estimate is not shown as the value either: the labelled "yes" are what is known
      prevalence =
          new Interval(
              implausible ? decided : prevalence.value(),
              knownYes / (double) n,
              Math.max(prevalence.hi(), (knownYes + labelledShare * u) / n));
    }
    double answerRate = rate.value();
    // Where the fit could not tell the false-"yes" rate (too few answers of a kind, or too few
    // clips
    // it is sure of: a rare label), the answers on low-scored clips bound it. Applied here, after
    // the
    // model's estimates, which then fitted the answers themselves (with no floor) and so gave a
    // share of "yes" answers, as the random feed does.
    errors = FalseYesBound.apply(errors, labelled);
    // from the share answered "yes" to the share that is "yes"
    prevalence = errors.correct(prevalence);
    modelPrevalence = errors.correct(modelPrevalence);
    decided = errors.correct(new Interval(decided, decided, decided)).value();
    CorpusCut.Cut cut = CorpusCut.breakEven(probabilities, decided);
    Interval ap = null;
    if (random.size() >= MIN_RANDOM_FOR_AP
        && random.yesCount() >= MIN_RANDOM_YES_FOR_AP
        && random.yesCount() < random.size()) {
      ap = RandomSampleAp.estimate(random.scores(), random.yes(), seed);
    }
    Prevalence p =
        new Prevalence(prevalence.value(), prevalence.lo(), prevalence.hi(), method, random.size());
    List<String> advice =
        Advice.of(
            p,
            modelPrevalence,
            ap,
            random.size(),
            random.yesCount(),
            Calibration.labelledPrior(labelled.yes()),
            implausible,
            modelRate.value(),
            errors);
    double corpusShift = u == 0 ? 0 : PriorShift.shiftToMean(unlabelled, answerRate);
    return new Result(
        p, cut, ap, random.size(), modelPrevalence, corpusShift, errors, advice, own, used);
  }
}

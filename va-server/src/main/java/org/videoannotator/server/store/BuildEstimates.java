package org.videoannotator.server.store;

import java.util.List;

/**
 * The {@code estimates} of a build document: what the corpus looks like by numbers the loop's
 * selection does not bias (see va-learn's {@code CorpusEstimates} and API.md), stored with the
 * build. The loop benchmark reads these names.
 *
 * @param prevalence the corpus's share of "yes" with its interval and method
 * @param yesShare share of the corpus the model calls "yes" ({@code yesClips} clips)
 * @param threshold where it says "yes": the build's decision threshold
 * @param apOnRandom AP on the random feed's labels, or null while there are too few
 * @param answerError the annotators' estimated error rates, by which the prevalence is corrected
 * @param advice what to label to firm these up, in words
 */
public record BuildEstimates(
    Prevalence prevalence,
    double yesShare,
    long yesClips,
    double threshold,
    ApOnRandom apOnRandom,
    AnswerError answerError,
    List<String> advice) {
  public BuildEstimates {
    advice = advice == null ? List.of() : List.copyOf(advice);
  }

  /** {@code ci} is {@code [lo, hi]}; {@code method} is prior-shift, random-feed or combined. */
  public record Prevalence(double value, List<Double> ci, String method, int randomLabels) {}

  /**
   * {@code falseYes}: share of truly "no" clips answered "yes"; {@code falseNo}: of truly "yes"
   * answered "no"; each null when the labels cannot tell it (then taken as 0). {@code n}: the
   * labelled clips it was fitted on. {@code basis}: {@value #FITTED}, or {@value #BOUNDED} when too
   * few "yes" answers fit nothing and {@code falseYes} is the share of "yes" among the answers on
   * clips the model scores low: an upper bound, taken as the value, its interval running from 0.
   * {@code pooledFrom}: how many other labels' rates drew these towards theirs (va-learn's {@code
   * ErrorPrior}; 0: none), and {@code own} then the rates from this label's answers alone (null
   * when there was no prior: they are the rates themselves).
   */
  public record AnswerError(
      Rate falseYes, Rate falseNo, int n, String basis, AnswerError own, int pooledFrom) {
    /** Fitted on this label's answers alone. */
    public AnswerError(Rate falseYes, Rate falseNo, int n, String basis) {
      this(falseYes, falseNo, n, basis, null, 0);
    }

    public static final String FITTED = "fitted";
    public static final String BOUNDED = "bounded";
  }

  /** A rate with its 95 % interval {@code [lo, hi]}. */
  public record Rate(double value, List<Double> ci) {}

  /** {@code n}: the random-feed labels it was measured on. */
  public record ApOnRandom(double value, List<Double> ci, int n) {}
}

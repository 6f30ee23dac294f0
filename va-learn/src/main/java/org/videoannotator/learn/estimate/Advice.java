package org.videoannotator.learn.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the build panel says, in words, when an estimate is weak, and what to label to firm it up.
 */
final class Advice {
  /** A label's worth of random clips to ask for at a time: one page of the UI. */
  static final int BATCH = 20;

  /** An AP interval wider than this is "uncertain". */
  static final double WIDE_AP = 0.3;

  /**
   * An answer error rate from which the advice mentions it: 1 in 20 moves a rare label's count by
   * several times.
   */
  static final double NOTABLE_ERROR = 0.05;

  private Advice() {}

  static List<String> of(
      CorpusEstimates.Prevalence prevalence,
      Interval model,
      Interval apOnRandom,
      int randomLabels,
      int randomYes,
      double labelledPrior,
      boolean implausible,
      double unlabelledAnswerShare,
      AnswerError.Estimate errors) {
    List<String> out = new ArrayList<>();
    answerErrors(errors, out);
    if (implausible) {
      out.add(
          String.format(
              Locale.ROOT,
              "The model's scores say %s of the clips you have not labelled would be answered \"yes\", more than "
                  + "among the clips you picked (%s): it has likely learned what your \"no\" clips have in common "
                  + "rather than the label, so it calls \"yes\" only as many clips as you did. Label %d clips from "
                  + "the Random feed.",
              percent(unlabelledAnswerShare),
              percent(labelledPrior),
              Math.max(CorpusEstimates.MIN_RANDOM, BATCH - randomLabels)));
    } else if (prevalence.method().equals(CorpusEstimates.PRIOR_SHIFT)) {
      out.add(
          String.format(
              Locale.ROOT,
              "The prevalence is the model's estimate, corrected for your labels' balance (%s yes) but not yet "
                  + "checked on a uniform sample, so the model calls \"yes\" only as many clips as its lower end: "
                  + "label %d clips from the Random feed.",
              percent(labelledPrior),
              Math.max(CorpusEstimates.MIN_RANDOM, BATCH - randomLabels)));
    } else if (model.value() < prevalence.lo() || model.value() > prevalence.hi()) {
      out.add(
          String.format(
              Locale.ROOT,
              "The model's scores suggest %s of the corpus is \"yes\", outside what the Random feed's labels allow "
                  + "(%s to %s): your labelled clips are unlike the corpus, so the figure shown rests on the Random feed.",
              percent(model.value()),
              percent(prevalence.lo()),
              percent(prevalence.hi())));
    }
    // (the model's own estimate is wide by construction: the advice above already asks for random
    // labels)
    if (!prevalence.method().equals(CorpusEstimates.PRIOR_SHIFT)
        && prevalence.hi() - prevalence.lo() > Math.max(prevalence.value(), 0.01)) {
      out.add(
          String.format(
              Locale.ROOT,
              "The prevalence is uncertain (%s to %s of the corpus): label %d more clips from the Random feed to narrow it.",
              percent(prevalence.lo()),
              percent(prevalence.hi()),
              BATCH));
    }
    if (apOnRandom == null) {
      if (randomLabels < CorpusEstimates.MIN_RANDOM_FOR_AP) {
        out.add(
            String.format(
                Locale.ROOT,
                "The AP is cross-validated on your labels, which the feeds choose on purpose, so it flatters the model: "
                    + "label %d more clips from the Random feed to measure it on a uniform sample.",
                CorpusEstimates.MIN_RANDOM_FOR_AP - randomLabels));
      } else if (randomYes < CorpusEstimates.MIN_RANDOM_YES_FOR_AP) {
        out.add(
            String.format(
                Locale.ROOT,
                "The Random feed has shown %d \"yes\" in %d clips, too few to measure the AP on (it takes %d): keep "
                    + "labelling from the Random feed, and read the cross-validated AP as optimistic.",
                randomYes,
                randomLabels,
                CorpusEstimates.MIN_RANDOM_YES_FOR_AP));
      }
    } else if (apOnRandom.hi() - apOnRandom.lo() > WIDE_AP) {
      out.add(
          String.format(
              Locale.ROOT,
              "The AP on random clips is uncertain (%.2f to %.2f): label %d more clips from the Random feed to narrow it.",
              apOnRandom.lo(),
              apOnRandom.hi(),
              BATCH));
    }
    return out;
  }

  /** When the answers the model is sure of disagree with it often enough to move the numbers. */
  private static void answerErrors(AnswerError.Estimate errors, List<String> out) {
    if (errors.falseYesBounded() && errors.falseYes().hi() >= NOTABLE_ERROR) {
      out.add(
          String.format(
              Locale.ROOT,
              "Too few \"yes\" answers to tell your answers' error rate from a rare label: of %d clips the model scores "
                  + "low, %s were answered \"yes\". If those were mistakes, up to %s of all \"no\" clips are answered "
                  + "\"yes\", so the prevalence is shown corrected for that and its interval runs from \"all were "
                  + "mistakes\" to \"none were\". Label %d clips from the Top-negative feed to pin the rate down.",
              errors.boundingAnswers(),
              percent(errors.fit().falseYes()),
              percent(errors.falseYes().hi()),
              BATCH));
      return;
    }
    double falseYes = errors.falseYes().lo() > 0 ? errors.fit().falseYes() : 0;
    double falseNo = errors.falseNo().lo() > 0 ? errors.fit().falseNo() : 0;
    double worst = Math.max(falseYes, falseNo);
    if (worst >= NOTABLE_ERROR) {
      out.add(
          String.format(
              Locale.ROOT,
              "About 1 in %d of your answers disagree with what the model is sure of (\"%s\" where it is sure of \"%s\"): "
                  + "review the \"model disagrees\" list. The prevalence shown is corrected for that rate.",
              Math.round(1 / worst),
              falseYes >= falseNo ? "yes" : "no",
              falseYes >= falseNo ? "no" : "yes"));
    }
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, share < 0.1 ? "%.1f%%" : "%.0f%%", 100 * share);
  }
}

package org.videoannotator.learn.estimate;

import java.util.stream.IntStream;

/**
 * The false-"yes" rate bounded from the answers on clips the model scores low, for when the answer
 * model ({@link AnswerError}) cannot be fitted: a rare label gives too few "yes" answers, and every
 * share of "yes" answers then reads {@code e0 + (1 - e0 - e1) truth}, so with 10 % noise a 1 %
 * label reads as 11 % and nothing in the fit tells the two apart.
 *
 * <p>What the loop has anyway: answers on clips scored in the corpus's lower half (the random
 * feed's, mostly, and the top-negative feed's). Among them the share answered "yes" is {@code e0 +
 * (1 - e0 - e1) t}, where {@code t}, the true rate there, is at most the corpus's when the scores
 * rank at all, and near 0 for a rare label the model has learned. So that share bounds {@code e0}
 * from above, and equals it when {@code t = 0}: the estimate takes it as the value, and the
 * interval runs from 0 (nothing here shows that any answer was wrong: the low clips could all be
 * "yes") to its Wilson upper end. The correction of the prevalence by that interval ({@link
 * AnswerError.Estimate#correct}) then spans "every low-scored 'yes' was a mistake" to "none was",
 * which is what the answers allow; the build panel says that the rate is a bound.
 *
 * <p>"Scored in the corpus's lower half" is judged on the out-of-fold scores, the ones not fitted
 * to the clips' own answers (a final model pulls its "yes" clips up), against the median of the
 * random feed's clips, a uniform sample of the corpus: the fold models' scores are on their own
 * scale, narrower than the final model's, so the corpus's own median would not do.
 */
final class FalseYesBound {
  /**
   * Answers on low-scored clips needed before they bound anything: the lower half of the fewest
   * random-feed clips that place the median. Few answers give a wide Wilson interval, which the
   * correction carries; demanding more (it was 20) left a rare label, whose other feeds seldom
   * reach the low scores, with its false-"yes" rate at 0 for certain, and so with a prevalence
   * interval that excluded the truth (5 of 24 label-runs on gen2 at 200 labels, 0 with this bar).
   */
  static final int MIN_LOW = CorpusEstimates.MIN_RANDOM / 2;

  private FalseYesBound() {}

  /**
   * {@code errors} with its false-"yes" rate bounded by the answers on low-scored clips, or {@code
   * errors} itself when it already has that rate fitted, when fewer than {@value
   * CorpusEstimates#MIN_RANDOM} random-feed clips place the corpus's median, or when fewer than
   * {@value #MIN_LOW} answers are below it.
   *
   * @param errors the answer model's estimate (its fit's Platt sigmoid is kept)
   * @param labelled the labelled clips, their answers, out-of-fold scores and which came from the
   *     random feed
   */
  static AnswerError.Estimate apply(
      AnswerError.Estimate errors, CorpusEstimates.LabelledClips labelled) {
    double[] s = labelled.outOfFold();
    double[] random =
        IntStream.range(0, s.length)
            .filter(i -> labelled.fromRandomFeed()[i])
            .mapToDouble(i -> s[i])
            .sorted()
            .toArray();
    if (errors.fit().falseYesFitted() || random.length < CorpusEstimates.MIN_RANDOM) {
      return errors;
    }
    double median = Percentile.of(random, 0.5);
    int low = 0;
    int lowYes = 0;
    for (int i = 0; i < s.length; i++) {
      if (s[i] < median) {
        low++;
        lowYes += labelled.yes()[i] ? 1 : 0;
      }
    }
    if (low < MIN_LOW) {
      return errors;
    }
    Interval share = Wilson.of(lowYes, low);
    AnswerError.Fit f = errors.fit();
    AnswerError.Fit bounded =
        new AnswerError.Fit(share.value(), f.falseNo(), f.a(), f.b(), false, f.falseNoFitted());
    return new AnswerError.Estimate(
        bounded,
        new Interval(share.value(), 0, share.hi()),
        errors.falseNo(),
        errors.n(),
        errors.resamples(),
        low);
  }
}

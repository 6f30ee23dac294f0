package org.videoannotator.server.builds;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.videoannotator.learn.Calibration;
import org.videoannotator.learn.LabelledSet;
import org.videoannotator.learn.estimate.AnswerError;
import org.videoannotator.learn.estimate.CorpusEstimates;
import org.videoannotator.learn.estimate.ErrorPrior;
import org.videoannotator.server.store.BuildEstimates;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Source;

/**
 * Feeds a build's scores and labels to va-learn's {@code CorpusEstimates}: which labelled clips
 * came from the random feed (their annotation's source), in the calibration's order.
 */
final class BuildEstimator {
  static final String RANDOM_FEED = "random";

  private BuildEstimator() {}

  /**
   * Whether an annotation was given in the random feed (or in the auto feed when it chose random).
   */
  static boolean fromRandomFeed(Source source) {
    return source != null && "feed".equals(source.kind()) && RANDOM_FEED.equals(source.feed());
  }

  /** The wire form of {@code r}. */
  static BuildEstimates wire(CorpusEstimates.Result r) {
    CorpusEstimates.Prevalence p = r.prevalence();
    BuildEstimates.ApOnRandom ap =
        r.apOnRandom() == null
            ? null
            : new BuildEstimates.ApOnRandom(
                r.apOnRandom().value(),
                List.of(r.apOnRandom().lo(), r.apOnRandom().hi()),
                r.randomApLabels());
    return new BuildEstimates(
        new BuildEstimates.Prevalence(
            p.value(), List.of(p.lo(), p.hi()), p.method(), p.randomLabels()),
        r.cut().yesShare(),
        r.cut().yesClips(),
        r.cut().threshold(),
        ap,
        answerError(r.answerError(), r.ownAnswerError(), r.errorPrior()),
        r.advice());
  }

  private static BuildEstimates.AnswerError answerError(
      AnswerError.Estimate e, AnswerError.Estimate own, ErrorPrior prior) {
    BuildEstimates.AnswerError rates = answerError(e);
    return prior == null
        ? rates
        : new BuildEstimates.AnswerError(
            rates.falseYes(),
            rates.falseNo(),
            rates.n(),
            rates.basis(),
            answerError(own),
            prior.labels());
  }

  private static BuildEstimates.AnswerError answerError(AnswerError.Estimate e) {
    AnswerError.Fit f = e.fit();
    return new BuildEstimates.AnswerError(
        f.falseYesFitted() || e.falseYesBounded()
            ? new BuildEstimates.Rate(f.falseYes(), List.of(e.falseYes().lo(), e.falseYes().hi()))
            : null,
        f.falseNoFitted()
            ? new BuildEstimates.Rate(f.falseNo(), List.of(e.falseNo().lo(), e.falseNo().hi()))
            : null,
        e.n(),
        e.falseYesBounded()
            ? BuildEstimates.AnswerError.BOUNDED
            : BuildEstimates.AnswerError.FITTED);
  }

  static CorpusEstimates.Result estimate(
      LabelledSet set,
      int[] rows,
      Calibration.Result calibration,
      float[] logits,
      float[] probabilities,
      List<CurrentAnnotation> current,
      Supplier<ErrorPrior> prior,
      long seed) {
    Set<String> random =
        current.stream()
            .filter(a -> fromRandomFeed(a.source()))
            .map(CurrentAnnotation::key)
            .collect(Collectors.toSet());
    List<String> keys = set.orderedKeys();
    boolean[] fromRandom = new boolean[keys.size()];
    for (int i = 0; i < fromRandom.length; i++) {
      fromRandom[i] = random.contains(keys.get(i));
    }
    CorpusEstimates.LabelledClips labelled =
        new CorpusEstimates.LabelledClips(
            rows, set.orderedLabels(), calibration.outOfFold(), fromRandom);
    CorpusEstimates.Result result =
        CorpusEstimates.of(
            logits,
            probabilities,
            labelled,
            calibration.slope(),
            calibration.intercept(),
            prior,
            seed);
    EstimateInputsDump.writeIfAsked(
        set.label(),
        logits,
        labelled,
        calibration.slope(),
        calibration.intercept(),
        result.errorPrior(),
        seed);
    return result;
  }
}

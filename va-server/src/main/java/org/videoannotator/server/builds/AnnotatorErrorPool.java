package org.videoannotator.server.builds;

import java.util.ArrayList;
import java.util.List;
import org.videoannotator.learn.estimate.ErrorPrior;
import org.videoannotator.learn.estimate.Interval;
import org.videoannotator.server.store.BuildEstimates;
import org.videoannotator.server.store.BuildSummary;
import org.videoannotator.server.store.Label;

/**
 * The prior a build's error rates get from the annotators' other labels: each other label's latest
 * finished build, its rates from its own answers (never ones already drawn towards a prior, which
 * would count the pool twice), pooled by va-learn's {@link ErrorPrior}.
 */
final class AnnotatorErrorPool {
  private AnnotatorErrorPool() {}

  static ErrorPrior priorFor(BuildService service, String label) {
    List<ErrorPrior.LabelRates> others = new ArrayList<>();
    for (Label other : service.store().labels()) {
      if (other.name().equals(label)) {
        continue;
      }
      BuildSummary latest = service.latestSummary(other.name());
      if (latest == null || latest.estimates() == null) {
        continue;
      }
      BuildEstimates.AnswerError rates = latest.estimates().answerError();
      BuildEstimates.AnswerError own = rates == null || rates.own() == null ? rates : rates.own();
      if (own != null && BuildEstimates.AnswerError.FITTED.equals(own.basis())) {
        others.add(new ErrorPrior.LabelRates(interval(own.falseYes()), interval(own.falseNo())));
      }
    }
    return ErrorPrior.pool(others);
  }

  private static Interval interval(BuildEstimates.Rate r) {
    return r == null ? null : new Interval(r.value(), r.ci().get(0), r.ci().get(1));
  }
}

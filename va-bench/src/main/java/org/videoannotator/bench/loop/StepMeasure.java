package org.videoannotator.bench.loop;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.videoannotator.learn.Metrics;

/**
 * Measures a finished build against the truth: the model's scores for every clip (from the server's
 * score route) give the hold-out AP, the decision's precision and recall on the hold-out and the
 * share of the corpus called "yes"; the build document gives what the UI shows. The optional {@code
 * estimates} object (prevalence, threshold, AP on random-feed labels) is read when present.
 */
final class StepMeasure {
  private StepMeasure() {}

  record Cost(
      int labels, int yes, long buildMillis, long buildMillisTotal, int builds, int skips) {}

  static Step of(JsonNode build, Map<String, Float> scores, Expert expert, int label, Cost cost) {
    JsonNode quality = build.path("quality");
    JsonNode estimates = build.path("estimates");
    double threshold =
        number(
            estimates.path("threshold"), number(quality.path("decision").path("threshold"), 0.5));
    List<String> keys = expert.truth().keys();
    int holdout = 0;
    int n = keys.size();
    for (int i = 0; i < n; i++) {
      holdout += expert.isHeldOut(i) ? 1 : 0;
    }
    boolean[] y = new boolean[holdout];
    double[] s = new double[holdout];
    long tp = 0;
    long called = 0;
    long positives = 0;
    long yesCorpus = 0;
    int h = 0;
    for (int i = 0; i < n; i++) {
      Float score = scores.get(keys.get(i));
      if (score == null) {
        throw new IllegalStateException("the server gave no score for clip '" + keys.get(i) + "'");
      }
      boolean yes = score >= threshold;
      yesCorpus += yes ? 1 : 0;
      if (expert.isHeldOut(i)) {
        boolean truth = expert.truth().truth(label, i);
        y[h] = truth;
        s[h++] = score;
        positives += truth ? 1 : 0;
        called += yes ? 1 : 0;
        tp += yes && truth ? 1 : 0;
      }
    }
    JsonNode decision = quality.path("decision");
    double shownYesShare =
        decision.path("corpusClips").asLong() > 0
            ? decision.path("yesClips").asDouble() / decision.path("corpusClips").asDouble()
            : Double.NaN;
    JsonNode prevalence = estimates.path("prevalence");
    JsonNode ci = prevalence.path("ci");
    return new Step(
        cost.labels(),
        cost.yes(),
        true,
        positives == 0 ? Double.NaN : Metrics.averagePrecision(y, s),
        called == 0 ? Double.NaN : tp / (double) called,
        positives == 0 ? Double.NaN : tp / (double) positives,
        yesCorpus / (double) n,
        number(quality.path("apMean"), Double.NaN),
        number(estimates.path("yesShare"), shownYesShare),
        threshold,
        number(prevalence.path("value"), Double.NaN),
        number(ci.path(0), Double.NaN),
        number(ci.path(1), Double.NaN),
        prevalence.path("method").isTextual() ? prevalence.path("method").asText() : null,
        number(estimates.path("apOnRandom").path("value"), Double.NaN),
        cost.buildMillis(),
        cost.buildMillisTotal(),
        cost.builds(),
        cost.skips(),
        build.path("modelVersion").asInt(-1));
  }

  private static double number(JsonNode node, double otherwise) {
    return node.isNumber() ? node.doubleValue() : otherwise;
  }
}

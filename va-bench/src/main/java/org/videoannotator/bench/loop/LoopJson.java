package org.videoannotator.bench.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.videoannotator.core.Json;

/**
 * {@code loop.json}: per label and policy, per budget step, the mean (and 95 % interval over seeds)
 * of every figure, every seed's raw steps (for an independent recomputation), and the summary over
 * labels. Undefined figures are {@code null}.
 */
final class LoopJson {
  private static final Map<String, ToDoubleFunction<Step>> SCALARS = new LinkedHashMap<>();

  static {
    SCALARS.put("shown_ap", Step::shownAp);
    SCALARS.put("yes_share", Step::yesShare);
    SCALARS.put("shown_yes_share", Step::shownYesShare);
    SCALARS.put("decision_precision", Step::decisionPrecision);
    SCALARS.put("decision_recall", Step::decisionRecall);
    SCALARS.put("threshold", Step::threshold);
    SCALARS.put("ap_on_random", Step::apOnRandom);
    SCALARS.put("build_ms", s -> s.buildMillis());
    SCALARS.put("build_ms_total", s -> s.buildMillisTotal());
    SCALARS.put("builds", Step::builds);
    SCALARS.put("skips", Step::skips);
    SCALARS.put("yes_labels", Step::yes);
  }

  private LoopJson() {}

  static ObjectNode of(LoopResults r, LoopSummary summary, ObjectNode settings) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.set("settings", settings);
    ObjectNode labels = root.putObject("labels");
    for (String label : r.labels()) {
      ObjectNode l = labels.putObject(label);
      l.put("true_rate", r.trueRates().get(label));
      // What a uniform sample answered by the expert shows, mistakes included: the rate the
      // server's
      // estimates aim at (they estimate the annotators' share of "yes", not the truth).
      l.put("expert_rate", expertRate(r.trueRates().get(label), noise(settings)));
      ObjectNode policies = l.putObject("policies");
      for (String policy : r.policies()) {
        ObjectNode p = policies.putObject(policy);
        ArrayNode steps = p.putArray("steps");
        for (int i = 0; i < r.budgets().size(); i++) {
          steps.add(step(r, label, policy, i));
        }
        ArrayNode seeds = p.putArray("seeds");
        List<List<Step>> runs = r.runs().get(label).get(policy);
        for (int s = 0; s < runs.size(); s++) {
          ObjectNode seed = seeds.addObject().put("seed", r.seeds().get(s));
          ArrayNode raw = seed.putArray("steps");
          runs.get(s).forEach(step -> raw.add(raw(step)));
        }
      }
    }
    root.set("summary", summary(r, summary));
    return root;
  }

  private static ObjectNode step(LoopResults r, String label, String policy, int i) {
    ObjectNode step = Json.mapper().createObjectNode();
    step.put("labels", r.budgets().get(i));
    step.put("true_rate", r.trueRates().get(label));
    step.put(
        "models",
        (int)
            r.values(label, policy, i, s -> s.model() ? 1 : Double.NaN).stream()
                .filter(d -> !d.isNaN())
                .count());
    step.set("holdout_ap", spread(r.spread(label, policy, i, Step::holdoutAp)));
    step.set("estimated_rate", spread(r.spread(label, policy, i, Step::estimatedRate)));
    step.set(
        "estimated_interval",
        Json.mapper()
            .createArrayNode()
            .add(number(r.spread(label, policy, i, Step::estimatedLow).mean()))
            .add(number(r.spread(label, policy, i, Step::estimatedHigh).mean())));
    for (var e : SCALARS.entrySet()) {
      Spread s = r.spread(label, policy, i, e.getValue());
      step.set(e.getKey(), number(s.mean()));
      step.set(e.getKey() + "_ci", ci(s));
    }
    return step;
  }

  private static ObjectNode summary(LoopResults r, LoopSummary summary) {
    ObjectNode out = Json.mapper().createObjectNode();
    out.set("budgets", Json.mapper().valueToTree(r.budgets()));
    ObjectNode median = out.putObject("median_holdout_ap");
    ObjectNode gain = out.putObject("gain_over_combined_ap_points");
    ObjectNode saved = out.putObject("labels_saved");
    for (String policy : r.policies()) {
      ArrayNode m = median.putArray(policy);
      ArrayNode g = gain.putArray(policy);
      for (int i = 0; i < r.budgets().size(); i++) {
        m.add(number(summary.medianAp(policy, i)));
        if (summary.hasBaseline()) {
          g.add(spread(summary.gain(policy, i)));
        }
      }
      if (summary.hasBaseline()) {
        ObjectNode sp = saved.putObject(policy);
        for (int b : List.of(200, 500)) {
          if (r.budgets().contains(b)) {
            sp.set(String.valueOf(b), spread(summary.saved(policy, b)));
          }
        }
      }
    }
    return out;
  }

  /**
   * The share of "yes" an expert wrong with chance {@code noise} gives a label of rate {@code p}.
   */
  static double expertRate(double p, double noise) {
    return p * (1 - noise) + (1 - p) * noise;
  }

  private static double noise(ObjectNode settings) {
    return settings.path("noise").asDouble(0);
  }

  /** A step as recorded, NaN as null. */
  private static ObjectNode raw(Step step) {
    ObjectNode o = Json.mapper().valueToTree(step);
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (o.get(name).isNumber() && Double.isNaN(o.get(name).doubleValue())) {
        o.putNull(name);
      }
    }
    return o;
  }

  static ObjectNode spread(Spread s) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.set("mean", number(s.mean()));
    o.set("ci", ci(s));
    o.put("n", s.n());
    return o;
  }

  private static JsonNode ci(Spread s) {
    return s.ci() == null
        ? Json.mapper().nullNode()
        : Json.mapper().createArrayNode().add(number(s.ci()[0])).add(number(s.ci()[1]));
  }

  /** A JSON number; null for NaN; infinities as strings ("-Infinity": not reached). */
  private static JsonNode number(double v) {
    if (Double.isNaN(v)) {
      return Json.mapper().nullNode();
    }
    if (Double.isInfinite(v)) {
      return Json.mapper().getNodeFactory().textNode(v > 0 ? "Infinity" : "-Infinity");
    }
    return Json.mapper().getNodeFactory().numberNode(v);
  }
}

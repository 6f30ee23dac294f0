package org.videoannotator.datasets.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.videoannotator.core.Json;
import org.videoannotator.datasets.DatasetStats;
import org.videoannotator.datasets.DatasetStats.LabelStats;

/** Renders {@link DatasetStats} as a text table or as JSON (NaN rates become null). */
final class StatsReport {
  private StatsReport() {}

  static String table(DatasetStats s) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "shots %d, dim %d, titles %d, labels %d%n%n",
            s.shots(),
            s.dim(),
            s.titles(),
            s.labels().size()));
    int width = Math.max(5, s.labels().stream().mapToInt(l -> l.label().length()).max().orElse(5));
    String row = "%-" + width + "s %6s %6s %8s %7s %6s %9s %6s %9s %6s%n";
    out.append(
        String.format(
            Locale.ROOT,
            row,
            "label",
            "agg",
            "pos",
            "pos rate",
            "agree",
            "random",
            "rand rate",
            "zs",
            "zs rate",
            "ckpts"));
    for (LabelStats l : s.labels()) {
      out.append(
          String.format(
              Locale.ROOT,
              row,
              l.label(),
              l.aggCount(),
              l.positives(),
              rate(l.positiveRate()),
              rate(l.agreement()),
              l.cmpRandomCount(),
              rate(l.cmpRandomRate()),
              l.cmpZeroShotCount(),
              rate(l.cmpZeroShotRate()),
              l.checkpoints()));
    }
    DatasetStats.Totals t = s.totals();
    out.append(
        String.format(
            Locale.ROOT,
            "%ntotal: %d labels, %d VA annotations, %d annotations in all, %d unique shots"
                + " annotated%nmedian: agreement %s, VA positive rate %s, random positive rate %s,"
                + " zero-shot positive rate %s%n",
            t.labels(),
            t.aggAnnotations(),
            t.annotations(),
            t.uniqueAnnotatedShots(),
            rate(t.medianAgreement()),
            rate(t.medianPositiveRate()),
            rate(t.medianCmpRandomRate()),
            rate(t.medianCmpZeroShotRate())));
    return out.toString();
  }

  private static String rate(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  static String json(DatasetStats s) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("shots", s.shots()).put("dim", s.dim()).put("titles", s.titles());
    ArrayNode labels = root.putArray("labels");
    for (LabelStats l : s.labels()) {
      ObjectNode o =
          labels
              .addObject()
              .put("label", l.label())
              .put("agg_count", l.aggCount())
              .put("positives", l.positives());
      number(o, "positive_rate", l.positiveRate());
      number(o, "agreement", l.agreement());
      o.put("cmp_random_count", l.cmpRandomCount());
      number(o, "cmp_random_positive_rate", l.cmpRandomRate());
      o.put("cmp_zero_shot_count", l.cmpZeroShotCount());
      number(o, "cmp_zero_shot_positive_rate", l.cmpZeroShotRate());
      o.put("checkpoints", l.checkpoints()).put("last_checkpoint_size", l.lastCheckpointSize());
    }
    DatasetStats.Totals t = s.totals();
    ObjectNode totals =
        root.putObject("totals")
            .put("labels", t.labels())
            .put("agg_annotations", t.aggAnnotations())
            .put("annotations", t.annotations())
            .put("unique_annotated_shots", t.uniqueAnnotatedShots());
    number(totals, "median_agreement", t.medianAgreement());
    number(totals, "median_positive_rate", t.medianPositiveRate());
    number(totals, "median_cmp_random_positive_rate", t.medianCmpRandomRate());
    number(totals, "median_cmp_zero_shot_positive_rate", t.medianCmpZeroShotRate());
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root)
          + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void number(ObjectNode o, String name, double v) {
    if (Double.isNaN(v)) {
      o.putNull(name);
    } else {
      o.put(name, v);
    }
  }
}

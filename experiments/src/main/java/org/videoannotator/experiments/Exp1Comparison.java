package org.videoannotator.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Figure-by-figure comparison of two Experiment 1 result files (the reference's and ours): the
 * figures that do not depend on training (random baseline, zero-shot AP) and those that do
 * (comparison cells and checkpoints), plus cells present on one side only.
 */
public record Exp1Comparison(
    int labels,
    List<Kind> kinds,
    List<String> worstTrainedCells,
    int sizeMismatches,
    List<String> onOneSideOnly) {

  /** The share-within threshold the issue reports per cell kind. */
  public static final double CLOSE = 0.005;

  /**
   * Differences of one kind of figure: how many, the largest, the median and the share within
   * {@link #CLOSE}.
   */
  public record Kind(String name, int cells, double max, double median, double shareWithin) {
    static Kind of(String name, List<Double> diffs) {
      double[] v = diffs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      double median =
          v.length == 0
              ? 0
              : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
      long close = diffs.stream().filter(d -> d <= CLOSE).count();
      return new Kind(
          name,
          v.length,
          v.length == 0 ? 0 : v[v.length - 1],
          median,
          v.length == 0 ? 1 : (double) close / v.length);
    }
  }

  /** The figures of kind {@code name} (one of the names {@link #of} makes). */
  public Kind kind(String name) {
    return kinds.stream()
        .filter(k -> k.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no figure kind " + name));
  }

  public static Exp1Comparison of(JsonNode expected, JsonNode actual) {
    List<Double> baseline = new ArrayList<>();
    List<Double> zeroShotMean = new ArrayList<>();
    List<Double> zeroShotFirst = new ArrayList<>();
    List<Diff> trained = new ArrayList<>();
    List<String> oneSide = new ArrayList<>();
    int sizeMismatches = 0;
    int labels = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("labels").fields();
        it.hasNext(); ) {
      var e = it.next();
      String label = e.getKey();
      JsonNode want = e.getValue();
      JsonNode got = actual.path("labels").path(label);
      if (got.isMissingNode()) {
        oneSide.add(label + " (whole label)");
        continue;
      }
      labels++;
      baseline.add(diff(want.path("baseline").path("mean"), got.path("baseline").path("mean")));
      zeroShotMean.add(
          diff(want.path("zero_shot").path("mean"), got.path("zero_shot").path("mean")));
      zeroShotFirst.add(
          diff(
              want.path("zero_shot").path("values").path(0),
              got.path("zero_shot").path("values").path(0)));
      for (Iterator<String> cells = want.path("cmp").fieldNames(); cells.hasNext(); ) {
        String cell = cells.next();
        JsonNode g = got.path("cmp").path(cell);
        if (g.isMissingNode()) {
          oneSide.add(label + " " + cell + " (expected only)");
          continue;
        }
        trained.add(
            new Diff(
                label + " " + cell,
                diff(want.path("cmp").path(cell).path("mean"), g.path("mean"))));
        sizeMismatches +=
            want.path("cmp").path(cell).path("n_train").asInt() == g.path("n_train").asInt()
                ? 0
                : 1;
      }
      for (Iterator<String> cells = got.path("cmp").fieldNames(); cells.hasNext(); ) {
        String cell = cells.next();
        if (want.path("cmp").path(cell).isMissingNode()) {
          oneSide.add(label + " " + cell + " (actual only)");
        }
      }
      JsonNode wc = want.path("checkpoints");
      JsonNode gc = got.path("checkpoints");
      if (wc.size() != gc.size()) {
        oneSide.add(label + " checkpoints: " + wc.size() + " expected, " + gc.size() + " actual");
      }
      for (int i = 0; i < Math.min(wc.size(), gc.size()); i++) {
        trained.add(
            new Diff(
                label + " checkpoint/" + i, diff(wc.get(i).path("mean"), gc.get(i).path("mean"))));
        sizeMismatches +=
            wc.get(i).path("n_train").asInt() == gc.get(i).path("n_train").asInt() ? 0 : 1;
      }
    }
    trained.sort(Comparator.comparingDouble(Diff::value).reversed());
    List<Kind> kinds =
        List.of(
            Kind.of("baseline", baseline),
            Kind.of("zero-shot bootstrap 0", zeroShotFirst),
            Kind.of("zero-shot mean", zeroShotMean),
            Kind.of("LR cells", trained.stream().map(Diff::value).toList()));
    return new Exp1Comparison(
        labels,
        kinds,
        trained.stream().limit(5).map(d -> String.format("%s %.4f", d.cell, d.value)).toList(),
        sizeMismatches,
        oneSide);
  }

  private record Diff(String cell, double value) {}

  private static double diff(JsonNode a, JsonNode b) {
    if (a.isMissingNode() && b.isMissingNode()) {
      return 0;
    }
    if (!a.isNumber() || !b.isNumber()) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs(a.doubleValue() - b.doubleValue());
  }

  /** Lines for a terminal. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format("labels compared            %d", labels));
    lines.add(
        String.format(
            "%-22s %6s %10s %10s %14s",
            "|diff| per kind", "cells", "max", "median", "within " + CLOSE));
    for (Kind k : kinds) {
      lines.add(
          String.format(
              "%-22s %6d %10.3g %10.3g %13.1f%%",
              k.name(), k.cells(), k.max(), k.median(), 100 * k.shareWithin()));
    }
    lines.add("largest LR differences     " + worstTrainedCells);
    lines.add(
        String.format(
            "training-set size mismatches %d; cells on one side only %d %s",
            sizeMismatches,
            onOneSideOnly.size(),
            onOneSideOnly.isEmpty()
                ? ""
                : onOneSideOnly.subList(0, Math.min(5, onOneSideOnly.size()))));
    return lines;
  }
}

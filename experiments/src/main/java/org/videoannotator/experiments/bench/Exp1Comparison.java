package org.videoannotator.experiments.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Figure-by-figure comparison of two Experiment 1 result files (ours and the Python protocol's):
 * the figures that do not depend on training (random baseline, zero-shot AP) and those that do
 * (comparison cells and checkpoints), plus cells present on one side only.
 */
public record Exp1Comparison(
    int labels,
    double maxBaselineDiff,
    double maxZeroShotDiff,
    int trainedCells,
    double maxTrainedDiff,
    double medianTrainedDiff,
    List<String> worstTrainedCells,
    int trainedCellsOverTolerance,
    int sizeMismatches,
    List<String> onOneSideOnly) {

  /** The target for trained cells (AP). */
  public static final double TRAINED_TOLERANCE = 0.02;

  public static Exp1Comparison of(JsonNode expected, JsonNode actual) {
    double maxBaseline = 0;
    double maxZeroShot = 0;
    List<Diff> trained = new ArrayList<>();
    List<String> oneSide = new ArrayList<>();
    int sizeMismatches = 0;
    int labels = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("labels").fields(); it.hasNext(); ) {
      var e = it.next();
      String label = e.getKey();
      JsonNode want = e.getValue();
      JsonNode got = actual.path("labels").path(label);
      if (got.isMissingNode()) {
        oneSide.add(label + " (whole label)");
        continue;
      }
      labels++;
      maxBaseline = Math.max(maxBaseline, diff(want.path("baseline").path("mean"), got.path("baseline").path("mean")));
      maxZeroShot = Math.max(maxZeroShot, diff(want.path("zero_shot").path("mean"), got.path("zero_shot").path("mean")));
      for (Iterator<String> cells = want.path("cmp").fieldNames(); cells.hasNext(); ) {
        String cell = cells.next();
        JsonNode g = got.path("cmp").path(cell);
        if (g.isMissingNode()) {
          oneSide.add(label + " " + cell + " (expected only)");
          continue;
        }
        trained.add(new Diff(label + " " + cell, diff(want.path("cmp").path(cell).path("mean"), g.path("mean"))));
        sizeMismatches += want.path("cmp").path(cell).path("n_train").asInt() == g.path("n_train").asInt() ? 0 : 1;
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
        trained.add(new Diff(label + " checkpoint/" + i, diff(wc.get(i).path("mean"), gc.get(i).path("mean"))));
        sizeMismatches += wc.get(i).path("n_train").asInt() == gc.get(i).path("n_train").asInt() ? 0 : 1;
      }
    }
    trained.sort(Comparator.comparingDouble(Diff::value).reversed());
    double[] values = trained.stream().mapToDouble(Diff::value).sorted().toArray();
    double median = values.length == 0 ? 0 : values.length % 2 == 1 ? values[values.length / 2]
        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    return new Exp1Comparison(labels, maxBaseline, maxZeroShot, trained.size(),
        values.length == 0 ? 0 : values[values.length - 1], median,
        trained.stream().limit(5).map(d -> String.format("%s %.4f", d.cell, d.value)).toList(),
        (int) trained.stream().filter(d -> d.value > TRAINED_TOLERANCE).count(), sizeMismatches, oneSide);
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
    return List.of(
        String.format("labels compared            %d", labels),
        String.format("random baseline  max |diff| %.3g (target 1e-9)", maxBaselineDiff),
        String.format("zero-shot AP     max |diff| %.3g (target 1e-9)", maxZeroShotDiff),
        String.format("trained cells    %d: max |diff| %.4f, median %.2g (targets 0.02, 0.005); %d over 0.02",
            trainedCells, maxTrainedDiff, medianTrainedDiff, trainedCellsOverTolerance),
        "largest differences        " + worstTrainedCells,
        String.format("training-set size mismatches %d; cells on one side only %d %s", sizeMismatches,
            onOneSideOnly.size(), onOneSideOnly.isEmpty() ? "" : onOneSideOnly.subList(0, Math.min(5, onOneSideOnly.size()))));
  }
}

package org.videoannotator.experiments.exp1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.videoannotator.experiments.protocol.Evaluation;
import org.videoannotator.experiments.protocol.Metric;

/**
 * The JSON document of {@code va replay exp1}: per label the random baseline, the zero-shot AP, the
 * comparison cells keyed {@code "<n>|<method>"}, the AP of every checkpoint and VA's best AP at
 * each n; cells that could not be trained are absent and listed under {@code failed}. Labels that
 * cannot be replayed at all (no positive on a side of the split) are listed at the top level.
 */
@JsonPropertyOrder({"settings", "labels", "failed"})
public record Exp1Result(
    Settings settings, Map<String, LabelResult> labels, List<LabelFailure> failed) {

  /** What the run was asked to do (no timings, so equal runs give equal files). */
  public record Settings(
      String data,
      List<Integer> ns,
      List<String> methods,
      @JsonProperty("split_seed") int splitSeed,
      int bootstraps) {}

  @JsonPropertyOrder({"baseline", "zero_shot", "cmp", "checkpoints", "va_at_n", "failed"})
  public record LabelResult(
      Baseline baseline,
      @JsonProperty("zero_shot") Stat zeroShot,
      Map<String, Cell> cmp,
      List<Cell> checkpoints,
      @JsonProperty("va_at_n") Map<String, Double> vaAtN,
      List<CellFailure> failed) {}

  /** The random baseline's mean AP. */
  public record Baseline(double mean) {}

  /** A scorer's AP over the bootstraps. */
  @JsonPropertyOrder({"mean", "std", "values"})
  public record Stat(double mean, double std, double[] values) {
    public static Stat of(Metric m) {
      return new Stat(m.mean(), m.std(), m.values());
    }
  }

  /** A trained model's AP over the bootstraps and its training-set size. */
  @JsonPropertyOrder({"n_train", "mean", "std", "values"})
  public record Cell(
      @JsonProperty("n_train") int nTrain, double mean, double std, double[] values) {
    public static Cell of(Evaluation e) {
      Metric m = e.averagePrecision();
      return new Cell(e.nTrain(), m.mean(), m.std(), m.values());
    }
  }

  /**
   * A cell ({@code "<n>|<method>"}, {@code "checkpoint/<i>"} or {@code "zero_shot"}) that failed.
   */
  public record CellFailure(String cell, String reason) {}

  public record LabelFailure(String label, String reason) {}
}

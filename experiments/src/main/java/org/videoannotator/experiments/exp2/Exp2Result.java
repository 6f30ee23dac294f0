package org.videoannotator.experiments.exp2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The JSON document of {@code va replay exp2}: per label, the process's choice history (for bandit
 * processes it starts with the warm-up's worst source, as the reference records it), the AP after
 * every step, and the best and last step. A run that failed keeps the steps it made and says why.
 */
@JsonPropertyOrder({"settings", "labels"})
public record Exp2Result(Settings settings, Map<String, LabelRun> labels) {

  public record Settings(
      String data,
      String process,
      double epsilon,
      double c,
      double gamma,
      int steps,
      int batch,
      @JsonProperty("seed_base") int seedBase,
      int bootstraps) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"choice_history", "steps", "best", "last", "failed"})
  public record LabelRun(
      @JsonProperty("choice_history") List<String> choiceHistory,
      List<Step> steps,
      Step best,
      Step last,
      String failed) {}

  @JsonPropertyOrder({"step", "choice", "n_train", "mean", "std", "values"})
  public record Step(
      int step,
      String choice,
      @JsonProperty("n_train") int nTrain,
      double mean,
      double std,
      double[] values) {}
}

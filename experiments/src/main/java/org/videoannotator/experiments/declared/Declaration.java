package org.videoannotator.experiments.declared;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.videoannotator.core.UserException;

/**
 * A declared replay: one YAML file naming the data set (a folder, or a generator spec so anyone can
 * regenerate it), the experiment and its settings, and the figures it must produce with their
 * tolerances. Unknown keys are errors, so a typo never silently drops a check.
 *
 * @param experiment {@code exp1} or {@code exp2}
 */
public record Declaration(
    String name,
    String description,
    DataSpec data,
    String experiment,
    RunSettings settings,
    List<ExpectedFigure> expected) {

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public Declaration {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("declaration needs a name");
    }
    if (data == null || (data.path() == null) == (data.generate() == null)) {
      throw new IllegalArgumentException(
          "declaration " + name + ": data needs exactly one of path or generate");
    }
    if (!"exp1".equals(experiment) && !"exp2".equals(experiment)) {
      throw new IllegalArgumentException(
          "declaration " + name + ": experiment must be exp1 or exp2, got " + experiment);
    }
    settings = settings == null ? RunSettings.EMPTY : settings;
    if ("exp2".equals(experiment) && settings.process() == null) {
      throw new IllegalArgumentException("declaration " + name + ": exp2 needs settings.process");
    }
    expected = expected == null ? List.of() : List.copyOf(expected);
  }

  /**
   * Where the data comes from: an existing folder (relative to the YAML file) or the generator;
   * {@code fingerprint} (optional) is the {@link DataFingerprint} of the data the figures came
   * from.
   */
  public record DataSpec(String path, GeneratorSpec generate, String fingerprint) {}

  /** {@code va dataset generate --seed --shots --dim --labels}. */
  public record GeneratorSpec(long seed, int shots, int dim, List<String> labels) {}

  /** Experiment settings; null means the command's default. */
  public record RunSettings(
      List<String> labels,
      List<Integer> ns,
      List<String> methods,
      Integer seed,
      String process,
      Integer steps,
      Integer batch) {
    static final RunSettings EMPTY = new RunSettings(null, null, null, null, null, null, null);
  }

  /**
   * A figure of the result, addressed by its path in the result JSON ({@code
   * labels/action/cmp/25|random/mean}). A number is compared within {@code tolerance} (default 0:
   * exact); any other value (a list of choices, a count) must be equal; a null value means the
   * figure must be absent (a cell expected to fail). {@code note} says why a tolerance is unusual.
   */
  public record ExpectedFigure(String figure, JsonNode value, Double tolerance, String note) {
    public ExpectedFigure {
      if (figure == null || figure.isBlank()) {
        throw new IllegalArgumentException("an expected figure needs a 'figure' path");
      }
      if (tolerance != null && !(tolerance >= 0)) {
        throw new IllegalArgumentException(
            "figure " + figure + ": tolerance must be >= 0, got " + tolerance);
      }
    }
  }

  /** Reads a declaration; a malformed file is a user error naming it. */
  public static Declaration read(InputStream in, String source) {
    try {
      return YAML.readValue(in, Declaration.class);
    } catch (IOException | IllegalArgumentException e) {
      String message =
          e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new UserException(source + ": not a valid replay declaration (" + message + ")", e);
    }
  }
}

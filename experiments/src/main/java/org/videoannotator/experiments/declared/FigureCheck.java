package org.videoannotator.experiments.declared;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of checking one expected figure against a result.
 *
 * @param actual the figure in the result, or null when absent
 */
public record FigureCheck(
    Declaration.ExpectedFigure expected, JsonNode actual, boolean ok, String detail) {

  /** Checks {@code expected} against the result tree {@code result}. */
  public static FigureCheck of(Declaration.ExpectedFigure expected, JsonNode result) {
    JsonNode actual = find(result, expected.figure());
    JsonNode want = expected.value();
    if (want == null || want.isNull()) {
      return new FigureCheck(
          expected,
          actual,
          actual == null,
          actual == null ? "absent as expected" : "expected absent, got " + actual);
    }
    if (actual == null) {
      return new FigureCheck(expected, null, false, "missing from the result");
    }
    if (want.isNumber() && actual.isNumber()) {
      double diff = Math.abs(actual.doubleValue() - want.doubleValue());
      double tolerance = expected.tolerance() == null ? 0 : expected.tolerance();
      boolean ok = diff <= tolerance;
      return new FigureCheck(
          expected,
          actual,
          ok,
          String.format(
              "expected %.6f got %.6f |diff| %.1e %s %.0e",
              want.doubleValue(), actual.doubleValue(), diff, ok ? "<=" : ">", tolerance));
    }
    boolean ok = want.equals(actual);
    return new FigureCheck(
        expected, actual, ok, ok ? "equal" : "expected " + want + " got " + actual);
  }

  /** The node at a slash-separated path (array elements by index), or null. */
  static JsonNode find(JsonNode root, String path) {
    JsonNode node = root;
    for (String part : path.split("/")) {
      if (node == null) {
        return null;
      }
      if (node.isArray()) {
        try {
          node = node.get(Integer.parseInt(part));
        } catch (NumberFormatException e) {
          return null;
        }
      } else {
        node = node.get(part);
      }
    }
    return node == null || node.isMissingNode() ? null : node;
  }
}

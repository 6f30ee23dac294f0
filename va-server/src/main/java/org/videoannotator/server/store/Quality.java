package org.videoannotator.server.store;

import java.util.List;

/**
 * Model quality: mean and std of the cross-validated AP at the chosen regularisation {@code c}, the
 * calibrated decision (null for builds made before calibration), and warnings in words for the
 * build panel.
 */
public record Quality(
    double apMean, double apStd, double c, Decision decision, List<String> warnings) {
  public Quality {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  public Quality(double apMean, double apStd, double c) {
    this(apMean, apStd, c, null, List.of());
  }

  /** The probability from which a clip is "yes" (0.5 for models from before calibration). */
  public double threshold() {
    return decision == null ? Decision.UNCALIBRATED_THRESHOLD : decision.threshold();
  }
}

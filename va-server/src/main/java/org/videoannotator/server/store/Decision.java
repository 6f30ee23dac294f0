package org.videoannotator.server.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a calibrated model says "yes" (see va-learn's {@code Calibration}), how well that cut did
 * on the cross-validated predictions, and how much of the corpus it calls "yes".
 *
 * @param threshold a clip is "yes" when its probability is at least this
 * @param precision out-of-fold precision at the threshold
 * @param recall out-of-fold recall at the threshold
 * @param yesClips clips of the corpus at or above the threshold (what an export calls "yes")
 * @param corpusClips clips scored
 */
public record Decision(
    double threshold, double precision, double recall, long yesClips, long corpusClips) {
  /** What models from before calibration are cut at. */
  public static final double UNCALIBRATED_THRESHOLD = 0.5;

  /** Reads the decision of a model version's summary JSON; 0.5 when it has none. */
  public static double thresholdOf(JsonNode summary) {
    JsonNode t = summary.path("quality").path("decision").path("threshold");
    return t.isNumber() ? t.doubleValue() : UNCALIBRATED_THRESHOLD;
  }
}

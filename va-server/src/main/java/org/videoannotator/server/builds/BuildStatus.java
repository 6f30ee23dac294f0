package org.videoannotator.server.builds;

import java.util.Map;

/**
 * Everything the API says about one build (the {@code GET /api/builds/{id}} document), also stored
 * as the build's {@code result} JSON. Immutable; the running job publishes new copies.
 */
public record BuildStatus(
    long id,
    String label,
    String status,
    String stage,
    double progress,
    String created,
    String started,
    String finished,
    int positives,
    int negatives,
    Integer modelVersion,
    Quality quality,
    Double diversity,
    Map<String, Long> stageMillis,
    Long totalMillis,
    String error,
    long seed,
    int feedSize) {

  public static final String QUEUED = "queued";
  public static final String RUNNING = "running";
  public static final String DONE = "done";
  public static final String FAILED = "failed";
  public static final String SUPERSEDED = "superseded";

  public BuildStatus {
    stageMillis = stageMillis == null ? Map.of() : Map.copyOf(stageMillis);
  }

  public boolean finishedState() {
    return status.equals(DONE) || status.equals(FAILED) || status.equals(SUPERSEDED);
  }

  public BuildSummary summary() {
    return new BuildSummary(id, status, modelVersion, quality, diversity, positives, negatives, finished);
  }

  BuildStatus withStage(String newStatus, String newStage, double newProgress, Map<String, Long> millis) {
    return new BuildStatus(id, label, newStatus, newStage, newProgress, created, started, finished, positives,
        negatives, modelVersion, quality, diversity, millis, totalMillis, error, seed, feedSize);
  }
}

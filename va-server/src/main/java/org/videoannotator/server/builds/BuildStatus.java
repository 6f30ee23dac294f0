package org.videoannotator.server.builds;

import org.videoannotator.server.store.BuildEstimates;
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
    BuildEstimates estimates,
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
    return new BuildSummary(id, status, modelVersion, quality, estimates, diversity, positives, negatives, finished);
  }

  // The life of a build as named transitions: each copies what the step keeps and sets what it
  // changes, so no caller spells out all nineteen fields.

  /** A new build, waiting for a worker; {@code id} 0 until the store assigns one. */
  static BuildStatus queued(long id, String label, String created, int positives, int negatives, long seed, int feedSize) {
    return new BuildStatus(id, label, QUEUED, "queued", 0, created, null, null, positives, negatives, null, null,
        null, null, Map.of(), null, null, seed, feedSize);
  }

  BuildStatus withId(long newId) {
    return new BuildStatus(newId, label, status, stage, progress, created, started, finished, positives,
        negatives, modelVersion, quality, estimates, diversity, stageMillis, totalMillis, error, seed, feedSize);
  }

  /** A worker took it: first stage {@code stage}. */
  BuildStatus running(String stageName, double newProgress, String startedAt) {
    return new BuildStatus(id, label, RUNNING, stageName, newProgress, created, startedAt, null, positives,
        negatives, null, null, null, null, Map.of(), null, null, seed, feedSize);
  }

  BuildStatus withStage(String newStatus, String newStage, double newProgress, Map<String, Long> millis) {
    return new BuildStatus(id, label, newStatus, newStage, newProgress, created, started, finished, positives,
        negatives, modelVersion, quality, estimates, diversity, millis, totalMillis, error, seed, feedSize);
  }

  /** Finished with model {@code version}. */
  BuildStatus done(String finishedAt, int version, Quality q, BuildEstimates e, double diversityScore,
      Map<String, Long> millis, long total) {
    return new BuildStatus(id, label, DONE, "done", 1.0, created, started, finishedAt, positives, negatives,
        version, q, e, diversityScore, millis, total, null, seed, feedSize);
  }

  /** Stopped without a model ({@link #FAILED} or {@link #SUPERSEDED}) at its current stage. */
  BuildStatus stopped(String finalStatus, String finishedAt, Map<String, Long> millis, long total, String why) {
    return new BuildStatus(id, label, finalStatus, stage, progress, created, started, finishedAt, positives,
        negatives, null, null, null, null, millis, total, why, seed, feedSize);
  }

  /** As stored, with the row's own status and id winning (recovery edits them in SQL). */
  BuildStatus asRow(long rowId, String rowStatus) {
    return new BuildStatus(rowId, label, rowStatus, rowStatus.equals(DONE) ? "done" : stage, progress, created,
        started, finished, positives, negatives, modelVersion, quality, estimates, diversity, stageMillis, totalMillis,
        error, seed, feedSize);
  }
}

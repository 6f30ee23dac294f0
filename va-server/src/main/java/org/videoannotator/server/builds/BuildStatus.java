package org.videoannotator.server.builds;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import org.videoannotator.server.store.BuildEstimates;
import org.videoannotator.server.store.BuildSummary;
import org.videoannotator.server.store.Quality;

/**
 * Everything the API says about one build (the {@code GET /api/builds/{id}} document), also stored
 * as the build's {@code result} JSON. Made of four small parts that change at different moments:
 * what was asked ({@link Request}), when ({@link Times}), how far it got ({@link Progress}) and
 * what it produced ({@link Outcome}). On the wire it is one flat object ({@link Wire}). Immutable;
 * the running job publishes new copies.
 */
public record BuildStatus(
    long id, String label, Request request, Times times, Progress progress, Outcome outcome) {

  public static final String QUEUED = "queued";
  public static final String RUNNING = "running";
  public static final String DONE = "done";
  public static final String FAILED = "failed";
  public static final String SUPERSEDED = "superseded";

  /** What the build was asked to do: the training set's size, the seed and the feed size. */
  public record Request(int positives, int negatives, long seed, int feedSize) {}

  /** When it was queued, taken by a worker, and ended (null until then). */
  public record Times(String created, String started, String finished) {}

  /** Its state, current stage, fraction done, and the time each stage took. */
  public record Progress(
      String status,
      String stage,
      double progress,
      Map<String, Long> stageMillis,
      Long totalMillis) {
    public Progress {
      stageMillis = stageMillis == null ? Map.of() : Map.copyOf(stageMillis);
    }
  }

  /**
   * What it produced: a model version with its quality, the corpus estimates (see {@link
   * BuildEstimates}) and the feeds' diversity, or why not.
   */
  public record Outcome(
      Integer modelVersion,
      Quality quality,
      BuildEstimates estimates,
      Double diversity,
      String error) {
    static final Outcome NONE = new Outcome(null, null, null, null, null);
  }

  public String status() {
    return progress.status();
  }

  public String error() {
    return outcome.error();
  }

  public Integer modelVersion() {
    return outcome.modelVersion();
  }

  public Quality quality() {
    return outcome.quality();
  }

  public String finished() {
    return times.finished();
  }

  public boolean finishedState() {
    String s = status();
    return s.equals(DONE) || s.equals(FAILED) || s.equals(SUPERSEDED);
  }

  public BuildSummary summary() {
    return new BuildSummary(
        id,
        status(),
        outcome.modelVersion(),
        outcome.quality(),
        outcome.estimates(),
        outcome.diversity(),
        request.positives(),
        request.negatives(),
        times.finished());
  }

  // The life of a build as named transitions: each replaces the parts the step changes.

  /** A new build, waiting for a worker; {@code id} 0 until the store assigns one. */
  static BuildStatus queued(String label, String created, Request request) {
    return new BuildStatus(
        0,
        label,
        request,
        new Times(created, null, null),
        new Progress(QUEUED, "queued", 0, Map.of(), null),
        Outcome.NONE);
  }

  BuildStatus withId(long newId) {
    return new BuildStatus(newId, label, request, times, progress, outcome);
  }

  /** A worker took it: first stage {@code stageName}. */
  BuildStatus running(String stageName, double newProgress, String startedAt) {
    return new BuildStatus(
        id,
        label,
        request,
        new Times(times.created(), startedAt, null),
        new Progress(RUNNING, stageName, newProgress, Map.of(), null),
        Outcome.NONE);
  }

  BuildStatus withStage(
      String newStatus, String newStage, double newProgress, Map<String, Long> millis) {
    return new BuildStatus(
        id,
        label,
        request,
        times,
        new Progress(newStatus, newStage, newProgress, millis, progress.totalMillis()),
        outcome);
  }

  /** Finished with model {@code version}. */
  BuildStatus done(
      String finishedAt,
      int version,
      Quality q,
      BuildEstimates e,
      double diversityScore,
      Map<String, Long> millis,
      long total) {
    return new BuildStatus(
        id,
        label,
        request,
        ended(finishedAt),
        new Progress(DONE, "done", 1.0, millis, total),
        new Outcome(version, q, e, diversityScore, null));
  }

  /** Stopped without a model ({@link #FAILED} or {@link #SUPERSEDED}) at its current stage. */
  BuildStatus stopped(
      String finalStatus, String finishedAt, Map<String, Long> millis, long total, String why) {
    return new BuildStatus(
        id,
        label,
        request,
        ended(finishedAt),
        new Progress(finalStatus, progress.stage(), progress.progress(), millis, total),
        new Outcome(null, null, null, null, why));
  }

  /** As stored, with the row's own status and id winning (recovery edits them in SQL). */
  BuildStatus asRow(long rowId, String rowStatus) {
    return new BuildStatus(
        rowId,
        label,
        request,
        times,
        new Progress(
            rowStatus,
            rowStatus.equals(DONE) ? "done" : progress.stage(),
            progress.progress(),
            progress.stageMillis(),
            progress.totalMillis()),
        outcome);
  }

  private Times ended(String finishedAt) {
    return new Times(times.created(), times.started(), finishedAt);
  }

  /**
   * The flat JSON document clients and the {@code builds.result} column know; the one place its
   * nineteen fields are spelled out.
   */
  public record Wire(
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
      int feedSize) {}

  @JsonValue
  public Wire wire() {
    return new Wire(
        id,
        label,
        progress.status(),
        progress.stage(),
        progress.progress(),
        times.created(),
        times.started(),
        times.finished(),
        request.positives(),
        request.negatives(),
        outcome.modelVersion(),
        outcome.quality(),
        outcome.estimates(),
        outcome.diversity(),
        progress.stageMillis(),
        progress.totalMillis(),
        outcome.error(),
        request.seed(),
        request.feedSize());
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static BuildStatus fromWire(Wire w) {
    return new BuildStatus(
        w.id(),
        w.label(),
        new Request(w.positives(), w.negatives(), w.seed(), w.feedSize()),
        new Times(w.created(), w.started(), w.finished()),
        new Progress(w.status(), w.stage(), w.progress(), w.stageMillis(), w.totalMillis()),
        new Outcome(w.modelVersion(), w.quality(), w.estimates(), w.diversity(), w.error()));
  }
}

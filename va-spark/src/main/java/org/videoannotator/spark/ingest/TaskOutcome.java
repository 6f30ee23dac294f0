package org.videoannotator.spark.ingest;

import java.io.Serializable;

/**
 * What an ingest task did with one video; small, so results travel to the driver cheaply (the shots
 * themselves wait in the staging folder).
 *
 * @param input the video
 * @param status {@code staged} (its segment is ready to commit), {@code skipped} or {@code failed}
 * @param reason why it was skipped or failed
 * @param contentHash sha-256 hex of its bytes ({@code ""} when it could not be read)
 * @param segment URI of its staged segment ({@code ""} unless staged)
 * @param reused whether the segment was staged by an earlier attempt or run, not computed now
 * @param seconds wall time of the task's work on it
 */
public record TaskOutcome(
    VideoInput input,
    String status,
    String reason,
    String contentHash,
    String segment,
    boolean reused,
    double seconds)
    implements Serializable {
  public static final String STAGED = "staged";
  public static final String SKIPPED = "skipped";
  public static final String FAILED = "failed";

  public TaskOutcome {
    reason = reason == null ? "" : reason;
  }
}

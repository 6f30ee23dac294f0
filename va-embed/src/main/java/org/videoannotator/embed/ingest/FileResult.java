package org.videoannotator.embed.ingest;

import java.util.List;

/**
 * What happened to one file of an ingest run.
 *
 * @param file the path as found
 * @param video the video id its clips carry ({@code ""} when not a video)
 * @param status {@code ok}, {@code skipped} (already in the corpus, or not a video) or {@code
 *     failed}
 * @param reason why it was skipped or failed ({@code ""} when ok)
 * @param shots clips appended
 * @param frames video frames decoded
 * @param seconds wall time spent on it
 * @param warnings non-fatal trouble (e.g. truncated: fewer frames than announced)
 */
public record FileResult(
    String file,
    String video,
    String status,
    String reason,
    int shots,
    int frames,
    double seconds,
    List<String> warnings) {
  public static final String OK = "ok";
  public static final String SKIPPED = "skipped";
  public static final String FAILED = "failed";

  public FileResult {
    warnings = List.copyOf(warnings);
  }

  public static FileResult skipped(String file, String video, String reason) {
    return new FileResult(file, video, SKIPPED, reason, 0, 0, 0, List.of());
  }

  /** The result of a file found in a folder that is not a video (see {@link VideoFiles#kindOf}). */
  public static FileResult notVideo(String file) {
    String extension = VideoFiles.extension(file.substring(file.lastIndexOf('/') + 1));
    return skipped(file, "", "not a video file (extension '" + extension + "')");
  }

  public static FileResult failed(String file, String video, String reason, double seconds) {
    return new FileResult(file, video, FAILED, reason, 0, 0, seconds, List.of());
  }
}

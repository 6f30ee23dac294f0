package org.videoannotator.embed.ingest;

import java.util.List;
import org.videoannotator.index.ClipVector;

/**
 * One video decoded, split into shots and embedded, with its media already written: everything an
 * ingest needs to append it to a corpus. Made by {@link VideoProcessor} (on this machine or in a
 * Spark task), appended by {@link VideoCommit}.
 *
 * @param file the file as named by the user (a path or a URI)
 * @param video the video id its clips carry
 * @param contentHash sha-256 hex of the file's bytes, recorded so a later run skips it
 * @param clips one clip and its vector per shot, in shot order
 * @param frames video frames decoded
 * @param seconds wall time spent on it
 * @param warnings non-fatal trouble met while decoding
 */
public record ProcessedVideo(
    String file,
    String video,
    String contentHash,
    List<ClipVector> clips,
    int frames,
    double seconds,
    List<String> warnings) {
  public ProcessedVideo {
    clips = List.copyOf(clips);
    warnings = List.copyOf(warnings);
  }
}

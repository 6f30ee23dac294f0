package org.videoannotator.embed.video;

import java.nio.file.Path;
import java.util.List;

/**
 * What decoding one file found.
 *
 * @param frameCount number of video frames actually decoded (the frame indices are 0..frameCount-1)
 * @param fps the container's average frame rate (informational; indices never derive from it)
 * @param width native width in pixels
 * @param height native height in pixels
 * @param durationSec the container's duration, or frameCount / fps when the container has none
 * @param codec FFmpeg video codec name, e.g. {@code h264}
 * @param container FFmpeg format name, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param problems non-fatal trouble (e.g. fewer frames decoded than the container announced), one
 *     line each; empty when the file decoded cleanly
 */
public record VideoInfo(
    Path path,
    int frameCount,
    double fps,
    int width,
    int height,
    double durationSec,
    String codec,
    String container,
    List<String> problems) {
  public VideoInfo {
    problems = List.copyOf(problems);
  }
}

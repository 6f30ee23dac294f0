package org.videoannotator.embed.ingest;

import java.util.function.Consumer;

/**
 * How {@link Ingester} works.
 *
 * @param sampleFps frames sampled per second of video for embedding and previews (> 0)
 * @param threads videos decoded and embedded at once (>= 1)
 * @param beforeAppend called with the video id after its media are written and before its clips are
 *     appended (tests inject a crash here); a no-op normally
 */
public record IngestOptions(double sampleFps, int threads, Consumer<String> beforeAppend) {
  public static final double DEFAULT_SAMPLE_FPS = 2;
  public static final int DEFAULT_THREADS = 2;

  public IngestOptions {
    if (!(sampleFps > 0) || sampleFps > 60) {
      throw new IllegalArgumentException("sample fps must be in (0, 60], got " + sampleFps);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    beforeAppend = beforeAppend == null ? video -> {} : beforeAppend;
  }

  public static IngestOptions defaults() {
    return new IngestOptions(DEFAULT_SAMPLE_FPS, DEFAULT_THREADS, null);
  }

  public IngestOptions withBeforeAppend(Consumer<String> hook) {
    return new IngestOptions(sampleFps, threads, hook);
  }
}

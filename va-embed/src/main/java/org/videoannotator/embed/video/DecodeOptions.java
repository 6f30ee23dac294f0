package org.videoannotator.embed.video;

/**
 * How {@link VideoDecoder} decodes a file.
 *
 * @param analysisWidth width in pixels of the small RGB frame handed to every sink (height keeps
 *     the aspect ratio); shot detection and descriptors work on it. Never upscaled.
 * @param imageShortSide short side in pixels of the larger frame that {@link DecodedFrame#full()}
 *     returns (thumbnails, CLIP); {@code 0} keeps the native size. Never upscaled.
 * @param threads FFmpeg decoder threads ({@code 0} lets FFmpeg choose)
 * @param maxFrames stop after this many decoded video frames
 */
public record DecodeOptions(int analysisWidth, int imageShortSide, int threads, int maxFrames) {
  public static final int DEFAULT_ANALYSIS_WIDTH = 160;
  public static final int DEFAULT_IMAGE_SHORT_SIDE = 256;

  public DecodeOptions {
    if (analysisWidth < 16) {
      throw new IllegalArgumentException("analysisWidth must be >= 16, got " + analysisWidth);
    }
    if (imageShortSide < 0) {
      throw new IllegalArgumentException("imageShortSide must be >= 0, got " + imageShortSide);
    }
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be >= 0, got " + threads);
    }
    if (maxFrames < 1) {
      throw new IllegalArgumentException("maxFrames must be >= 1, got " + maxFrames);
    }
  }

  /** 160 px analysis frames, 256 px short side for {@code full()}, two decoder threads. */
  public static DecodeOptions defaults() {
    return new DecodeOptions(
        DEFAULT_ANALYSIS_WIDTH,
        DEFAULT_IMAGE_SHORT_SIDE,
        Math.min(2, Runtime.getRuntime().availableProcessors()),
        Integer.MAX_VALUE);
  }

  public DecodeOptions withImageShortSide(int shortSide) {
    return new DecodeOptions(analysisWidth, shortSide, threads, maxFrames);
  }

  public DecodeOptions withMaxFrames(int max) {
    return new DecodeOptions(analysisWidth, imageShortSide, threads, max);
  }

  public DecodeOptions withThreads(int n) {
    return new DecodeOptions(analysisWidth, imageShortSide, n, maxFrames);
  }
}

package org.videoannotator.embed.video;

/**
 * Receives every decoded video frame of one file, in decoding order, on the decoding thread. {@link
 * DecodedFrame#full()} may only be called inside {@link #accept}; the small analysis arrays belong
 * to the frame and may be kept.
 */
@FunctionalInterface
public interface FrameSink {
  void accept(DecodedFrame frame);

  /** Called once after the last frame (not called when decoding fails). */
  default void end(VideoInfo info) {}

  /** A sink that hands every frame to each of {@code sinks} in order. */
  static FrameSink tee(FrameSink... sinks) {
    return new FrameSink() {
      @Override
      public void accept(DecodedFrame frame) {
        for (FrameSink s : sinks) {
          s.accept(frame);
        }
      }

      @Override
      public void end(VideoInfo info) {
        for (FrameSink s : sinks) {
          s.end(info);
        }
      }
    };
  }
}

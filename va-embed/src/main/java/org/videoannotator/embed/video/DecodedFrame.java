package org.videoannotator.embed.video;

import java.awt.image.BufferedImage;
import java.util.function.Supplier;

/**
 * One decoded video frame: a small interleaved RGB copy for analysis (owned by this object, safe to
 * keep) and, on request, a larger {@link BufferedImage}.
 *
 * <p>The larger image is converted only when {@link #full()} is called, and only while the decoder
 * is still inside {@link FrameSink#accept} for this frame (the decoder reuses its native buffer
 * afterwards). Once converted it is cached, so later calls return the same image.
 */
public final class DecodedFrame {
  private final int index;
  private final double timeSec;
  private final int width;
  private final int height;
  private final byte[] rgb;
  private Supplier<BufferedImage> fullFrame;
  private BufferedImage full;
  private byte[] luma;

  /**
   * @param index 0-based count of video frames decoded before this one
   * @param timeSec presentation time from the container (informational only)
   * @param rgb {@code width * height * 3} bytes, row-major, R,G,B per pixel
   * @param fullFrame converts the larger image; may be invalidated by the decoder after the sink
   *     returns
   */
  public DecodedFrame(
      int index,
      double timeSec,
      int width,
      int height,
      byte[] rgb,
      Supplier<BufferedImage> fullFrame) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    if (width <= 0 || height <= 0 || rgb.length != width * height * 3) {
      throw new IllegalArgumentException(
          "rgb must hold width*height*3 bytes: " + width + "x" + height + ", got " + rgb.length);
    }
    this.index = index;
    this.timeSec = timeSec;
    this.width = width;
    this.height = height;
    this.rgb = rgb;
    this.fullFrame = fullFrame;
  }

  /** A frame built from an image (tests, re-analysis of stored frames): analysis copy = image. */
  public static DecodedFrame ofImage(int index, double timeSec, BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] rgb = new byte[w * h * 3];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int p = row[x];
        int o = (y * w + x) * 3;
        rgb[o] = (byte) (p >> 16);
        rgb[o + 1] = (byte) (p >> 8);
        rgb[o + 2] = (byte) p;
      }
    }
    return new DecodedFrame(index, timeSec, w, h, rgb, () -> image);
  }

  public int index() {
    return index;
  }

  public double timeSec() {
    return timeSec;
  }

  /** Width of the analysis frame. */
  public int width() {
    return width;
  }

  /** Height of the analysis frame. */
  public int height() {
    return height;
  }

  /** The analysis frame, interleaved RGB bytes (treat as unsigned); do not modify. */
  public byte[] rgb() {
    return rgb;
  }

  /** The analysis frame's luma (BT.601, 0..255 as unsigned bytes), computed once on demand. */
  public byte[] luma() {
    if (luma == null) {
      byte[] y = new byte[width * height];
      for (int i = 0, o = 0; i < y.length; i++, o += 3) {
        int r = rgb[o] & 0xff;
        int g = rgb[o + 1] & 0xff;
        int b = rgb[o + 2] & 0xff;
        y[i] = (byte) ((77 * r + 150 * g + 29 * b + 128) >> 8);
      }
      luma = y;
    }
    return luma;
  }

  /**
   * The larger frame (by default 256 px on the short side, see {@link DecodeOptions}), converted on
   * first call.
   *
   * @throws IllegalStateException if first called after the sink returned from this frame
   */
  public BufferedImage full() {
    if (full == null) {
      if (fullFrame == null) {
        throw new IllegalStateException(
            "frame " + index + ": full() must be first called inside FrameSink.accept");
      }
      full = fullFrame.get();
      fullFrame = null;
    }
    return full;
  }

  /** Called by the decoder when the native buffer behind {@link #full()} is about to be reused. */
  void invalidate() {
    fullFrame = null;
  }

  @Override
  public String toString() {
    return "DecodedFrame[index=" + index + ", t=" + timeSec + ", " + width + "x" + height + "]";
  }
}

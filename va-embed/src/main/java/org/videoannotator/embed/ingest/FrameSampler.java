package org.videoannotator.embed.ingest;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.videoannotator.embed.model.Images;
import org.videoannotator.embed.video.DecodedFrame;
import org.videoannotator.embed.video.FrameSink;

/**
 * Keeps the few frames a video's shots need while it decodes, because shots are only known when
 * decoding ends: one frame every {@code 1 / sampleFps} seconds, plus a frame whenever the picture
 * changed a lot since the last kept one (so a shot shorter than the sampling step still gets a
 * frame), each with the frame {@link #MOTION_GAP} later at a small size for motion. Frames are kept
 * at the short side the embedder and the thumbnails need, packed as JPEG in memory, so memory grows
 * with video length by only about {@code sampleFps * 15 KB} per second of video at 320x180 (an hour
 * at 2 fps: ~100 MB).
 */
public final class FrameSampler implements FrameSink {
  /** Frames between a sampled frame and its motion partner. */
  public static final int MOTION_GAP = 2;

  /** Short side of the motion partners (motion is measured on 64x48 frames). */
  static final int PARTNER_SHORT_SIDE = 72;

  /** Mean absolute luma change (0..255) of the 8x6 signature that triggers an extra sample. */
  static final double CHANGE_TRIGGER = 20;

  private static final int SIG_W = 8;
  private static final int SIG_H = 6;

  /**
   * A kept frame, packed as JPEG in memory ({@link PackedImage}); {@code partner} is filled when
   * frame {@code index + MOTION_GAP} arrives.
   */
  public static final class Sample {
    final int index;
    final double timeSec;
    private final PackedImage image;
    private PackedImage partner;

    Sample(int index, double timeSec, BufferedImage image) {
      this.index = index;
      this.timeSec = timeSec;
      this.image = PackedImage.of(image);
    }

    public int index() {
      return index;
    }

    /** A freshly unpacked copy of the frame. */
    public BufferedImage image() {
      return image.unpack();
    }

    boolean hasPartner() {
      return partner != null;
    }

    /** The motion partner, unpacked, or null. */
    BufferedImage partner() {
      return partner == null ? null : partner.unpack();
    }

    /** Bytes held in memory. */
    int bytes() {
      return image.bytes() + (partner == null ? 0 : partner.bytes());
    }
  }

  private final int step;
  private final int shortSide;
  private final List<Sample> samples = new ArrayList<>();
  private float[] lastSignature;
  private int lastSampled = Integer.MIN_VALUE / 2;

  /**
   * @param fps the video's frame rate
   * @param sampleFps frames to keep per second (> 0)
   * @param shortSide short side in pixels of kept frames
   */
  public FrameSampler(double fps, double sampleFps, int shortSide) {
    if (!(sampleFps > 0)) {
      throw new IllegalArgumentException("sample fps must be > 0, got " + sampleFps);
    }
    this.step = Math.max(1, (int) Math.round((fps > 0 ? fps : 25) / sampleFps));
    this.shortSide = shortSide;
  }

  @Override
  public void accept(DecodedFrame frame) {
    int i = frame.index();
    if (!samples.isEmpty()) {
      Sample last = samples.getLast();
      if (last.partner == null && i == last.index + MOTION_GAP) {
        last.partner = PackedImage.of(Images.resizeShortSide(frame.full(), PARTNER_SHORT_SIDE));
      }
    }
    float[] signature = signature(frame);
    boolean due = i % step == 0;
    boolean changed =
        lastSignature != null
            && i - lastSampled > MOTION_GAP
            && distance(signature, lastSignature) > CHANGE_TRIGGER;
    if (due || changed) {
      BufferedImage full = frame.full();
      // full() is a fresh copy per frame (see DecodedFrame), so it may be kept as it is.
      BufferedImage kept =
          Math.min(full.getWidth(), full.getHeight()) > shortSide
              ? Images.resizeShortSide(full, shortSide)
              : full;
      samples.add(new Sample(i, frame.timeSec(), kept));
      lastSignature = signature;
      lastSampled = i;
    }
  }

  public List<Sample> samples() {
    return samples;
  }

  /** A coarse 8x6 luma grid of the analysis frame. */
  private static float[] signature(DecodedFrame frame) {
    byte[] luma = frame.luma();
    int w = frame.width();
    int h = frame.height();
    float[] sig = new float[SIG_W * SIG_H];
    int[] count = new int[SIG_W * SIG_H];
    for (int y = 0; y < h; y++) {
      int cy = Math.min(SIG_H - 1, y * SIG_H / h);
      for (int x = 0; x < w; x++) {
        int c = cy * SIG_W + Math.min(SIG_W - 1, x * SIG_W / w);
        sig[c] += luma[y * w + x] & 0xff;
        count[c]++;
      }
    }
    for (int c = 0; c < sig.length; c++) {
      sig[c] /= Math.max(1, count[c]);
    }
    return sig;
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += Math.abs(a[i] - b[i]);
    }
    return s / a.length;
  }
}

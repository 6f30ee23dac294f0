package org.videoannotator.bench.video;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.videoannotator.embed.video.DecodedFrame;
import org.videoannotator.embed.video.FrameSink;
import org.videoannotator.embed.video.Transition;

/**
 * Re-implementations of PySceneDetect's three detectors with its documented defaults, as peers for
 * the benchmark (written from the published algorithm descriptions, on the same 160 px analysis
 * frames our detector sees). They report hard cuts only.
 *
 * <ul>
 *   <li>{@code content}: mean absolute change of H (0..179), S, V (0..255) between consecutive
 *       frames, averaged over the three channels; a cut when it reaches 27.
 *   <li>{@code adaptive}: the content value divided by the mean content value of the 2 frames
 *       before and after; a cut when the ratio reaches 3 and the content value 15.
 *   <li>{@code histogram}: 256-bin luma histograms compared by correlation; a cut when {@code 1 -
 *       correlation} reaches 0.05.
 * </ul>
 *
 * All use a minimum scene length of 15 frames, as PySceneDetect does by default.
 */
public final class PySceneDetectStyle implements FrameSink {
  /** Which of PySceneDetect's detectors to imitate. */
  public enum Kind {
    CONTENT,
    ADAPTIVE,
    HISTOGRAM
  }

  private static final int MIN_SCENE_LEN = 15;
  private static final int ADAPTIVE_WINDOW = 2;

  private final Kind kind;
  private final List<Double> values = new ArrayList<>();
  private float[] previousHsv;
  private double[] previousHist;

  public PySceneDetectStyle(Kind kind) {
    this.kind = kind;
  }

  @Override
  public void accept(DecodedFrame f) {
    if (kind == Kind.HISTOGRAM) {
      double[] hist = lumaHistogram(f);
      values.add(previousHist == null ? 0.0 : 1 - correlation(previousHist, hist));
      previousHist = hist;
      return;
    }
    float[] hsv = hsv(f);
    double v = 0;
    if (previousHsv != null) {
      double[] d = new double[3];
      for (int i = 0; i < hsv.length; i++) {
        d[i % 3] += Math.abs(hsv[i] - previousHsv[i]);
      }
      int n = hsv.length / 3;
      v = (d[0] + d[1] + d[2]) / (3.0 * n);
    }
    values.add(v);
    previousHsv = hsv;
  }

  /** The cuts, after the last frame. */
  public List<Transition> cuts() {
    List<Transition> out = new ArrayList<>();
    int last = 0;
    for (int i = 1; i < values.size(); i++) {
      if (isCut(i) && i - last >= MIN_SCENE_LEN) {
        out.add(Transition.cut(i));
        last = i;
      }
    }
    return out;
  }

  private boolean isCut(int i) {
    double v = values.get(i);
    return switch (kind) {
      case CONTENT -> v >= 27;
      case HISTOGRAM -> v >= 0.05;
      case ADAPTIVE -> {
        if (v < 15) {
          yield false;
        }
        double sum = 0;
        int n = 0;
        for (int k = i - ADAPTIVE_WINDOW; k <= i + ADAPTIVE_WINDOW; k++) {
          if (k != i && k >= 1 && k < values.size()) {
            sum += values.get(k);
            n++;
          }
        }
        double mean = n == 0 ? 0 : sum / n;
        yield mean < 1e-6 ? v >= 15 : v / mean >= 3.0;
      }
    };
  }

  private static float[] hsv(DecodedFrame f) {
    byte[] rgb = f.rgb();
    float[] out = new float[rgb.length];
    float[] tmp = new float[3];
    for (int i = 0; i < rgb.length; i += 3) {
      Color.RGBtoHSB(rgb[i] & 255, rgb[i + 1] & 255, rgb[i + 2] & 255, tmp);
      out[i] = tmp[0] * 179.99f;
      out[i + 1] = tmp[1] * 255f;
      out[i + 2] = tmp[2] * 255f;
    }
    return out;
  }

  private static double[] lumaHistogram(DecodedFrame f) {
    double[] h = new double[256];
    for (byte b : f.luma()) {
      h[b & 255]++;
    }
    return h;
  }

  private static double correlation(double[] a, double[] b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= a.length;
    mb /= b.length;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa == 0 || sbb == 0 ? 1 : sab / Math.sqrt(saa * sbb);
  }
}

package org.videoannotator.embed.video.shots;

import java.awt.Color;
import org.videoannotator.embed.video.DecodedFrame;

/**
 * The compact per-frame description the shot detector compares: luma at half the analysis size (80
 * px wide by default) and a quarter (40 px, for motion search and the dissolve test), a
 * hue-saturation histogram with separate bins for grey pixels, luma mean and spread, and a binary
 * edge map with its one-pixel dilation (for the edge change ratio).
 */
final class FrameFeatures {
  static final int HUE_BINS = 16;
  static final int SAT_BINS = 2;
  static final int GREY_BINS = 8;
  static final int HIST_BINS = HUE_BINS * SAT_BINS + GREY_BINS;

  final int index;

  /** Half-size luma, {@code w * h}. */
  final int w;

  final int h;
  final short[] luma;

  /** Quarter-size luma, {@code tw * th}. */
  final int tw;

  final int th;
  final short[] tiny;

  /** Luma standardised to zero mean and unit spread, for motion search under changing light. */
  final float[] lumaNorm;

  final float[] tinyNorm;

  /** Eighth-size standardised luma, {@code mw * mh}: the coarse level of the motion search. */
  final int mw;

  final int mh;
  final float[] microNorm;
  final float[] hist = new float[HIST_BINS];
  final double mean;
  final double std;
  final boolean[] edges;
  final boolean[] dilated;
  final int edgeCount;

  /**
   * Structure a texture keeps while its pixels change (see {@link Descriptor}): gradient
   * orientations, the coarse layout of light and dark, colour moments per region.
   */
  final float[] orientation = new float[ORIENTATION_BINS];

  final float[] layout = new float[LAYOUT_CELLS * LAYOUT_CELLS];
  final float[] moments = new float[REGIONS * REGIONS * 4];
  static final int ORIENTATION_BINS = 8;
  static final int LAYOUT_CELLS = 4;
  static final int REGIONS = 2;

  FrameFeatures(DecodedFrame f) {
    this.index = f.index();
    int fw = f.width();
    int fh = f.height();
    w = Math.max(1, fw / 2);
    h = Math.max(1, fh / 2);
    byte[] rgb = f.rgb();
    luma = new short[w * h];
    double sum = 0;
    double sq = 0;
    float[] hsv = new float[3];
    double[] regionSq = new double[REGIONS * REGIONS];
    int[] regionN = new int[REGIONS * REGIONS];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int dy = 0; dy < 2; dy++) {
          int o = ((2 * y + dy) * fw + 2 * x) * 3;
          r += (rgb[o] & 255) + (rgb[o + 3] & 255);
          g += (rgb[o + 1] & 255) + (rgb[o + 4] & 255);
          b += (rgb[o + 2] & 255) + (rgb[o + 5] & 255);
        }
        r >>= 2;
        g >>= 2;
        b >>= 2;
        int l = (77 * r + 150 * g + 29 * b + 128) >> 8;
        luma[y * w + x] = (short) l;
        sum += l;
        sq += l * l;
        Color.RGBtoHSB(r, g, b, hsv);
        hist[bin(hsv)] += 1;
        int region = (y * REGIONS / h) * REGIONS + x * REGIONS / w;
        moments[4 * region] += r;
        moments[4 * region + 1] += g;
        moments[4 * region + 2] += b;
        moments[4 * region + 3] += l;
        regionSq[region] += l * l;
        regionN[region]++;
      }
    }
    for (int k = 0; k < regionN.length; k++) {
      int m = Math.max(1, regionN[k]);
      for (int c = 0; c < 4; c++) {
        moments[4 * k + c] /= m;
      }
      double sd = Math.sqrt(Math.max(0, regionSq[k] / m - moments[4 * k + 3] * moments[4 * k + 3]));
      moments[4 * k + 3] =
          (float) sd; // the spread of luma replaces its mean (the RGB means hold it)
      for (int c = 0; c < 4; c++) {
        moments[4 * k + c] /= 255f;
      }
    }
    int n = w * h;
    for (int i = 0; i < HIST_BINS; i++) {
      hist[i] /= n;
    }
    mean = sum / n;
    std = Math.sqrt(Math.max(0, sq / n - mean * mean));
    tw = Math.max(1, w / 2);
    th = Math.max(1, h / 2);
    tiny = new short[tw * th];
    for (int y = 0; y < th; y++) {
      for (int x = 0; x < tw; x++) {
        int a = (2 * y) * w + 2 * x;
        tiny[y * tw + x] =
            (short) ((luma[a] + luma[a + 1] + luma[a + w] + luma[a + w + 1] + 2) >> 2);
      }
    }
    lumaNorm = standardise(luma);
    tinyNorm = standardise(tiny);
    mw = Math.max(1, tw / 2);
    mh = Math.max(1, th / 2);
    short[] micro = new short[mw * mh];
    for (int y = 0; y < mh; y++) {
      for (int x = 0; x < mw; x++) {
        int a = (2 * y) * tw + 2 * x;
        micro[y * mw + x] =
            (short) ((tiny[a] + tiny[a + 1] + tiny[a + tw] + tiny[a + tw + 1] + 2) >> 2);
      }
    }
    microNorm = standardise(micro);
    fillLayout();
    edges = new boolean[n];
    dilated = new boolean[n];
    edgeCount = findEdges();
  }

  /**
   * Mean luma of a 4x4 grid of cells over the quarter-size picture, minus the frame's mean, in
   * units of the frame's spread: where the light and dark parts are, not how bright they are.
   */
  private void fillLayout() {
    double[] sum = new double[layout.length];
    int[] n = new int[layout.length];
    for (int y = 0; y < th; y++) {
      for (int x = 0; x < tw; x++) {
        int cell = (y * LAYOUT_CELLS / th) * LAYOUT_CELLS + x * LAYOUT_CELLS / tw;
        sum[cell] += tiny[y * tw + x];
        n[cell]++;
      }
    }
    double scale = 1.0 / Math.max(8.0, std);
    for (int c = 0; c < layout.length; c++) {
      layout[c] = n[c] == 0 ? 0f : (float) ((sum[c] / n[c] - mean) * scale);
    }
  }

  private static float[] standardise(short[] p) {
    double m = 0;
    for (short v : p) {
      m += v;
    }
    m /= p.length;
    double q = 0;
    for (short v : p) {
      q += (v - m) * (v - m);
    }
    float scale = (float) (1.0 / Math.max(4.0, Math.sqrt(q / p.length)));
    float[] out = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = (float) ((p[i] - m) * scale);
    }
    return out;
  }

  private static int bin(float[] hsv) {
    if (hsv[1] < 0.2f || hsv[2] < 0.15f) {
      return HUE_BINS * SAT_BINS + Math.min(GREY_BINS - 1, (int) (hsv[2] * GREY_BINS));
    }
    int hue = Math.min(HUE_BINS - 1, (int) (hsv[0] * HUE_BINS));
    int sat = hsv[1] < 0.55f ? 0 : 1;
    return hue * SAT_BINS + sat;
  }

  /**
   * Marks pixels whose gradient is strong both absolutely and relative to this frame's own mean
   * gradient, so a global change of light keeps roughly the same edges.
   */
  private int findEdges() {
    int[] mag = new int[w * h];
    long total = 0;
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int i = y * w + x;
        int gx = luma[i + 1] - luma[i - 1];
        int gy = luma[i + w] - luma[i - w];
        int m = Math.abs(gx) + Math.abs(gy);
        mag[i] = m;
        total += m;
        if (m > 0) {
          orientation[orientationBin(gx, gy)] += m;
        }
      }
    }
    for (int k = 0; k < ORIENTATION_BINS; k++) {
      orientation[k] /= Math.max(1, total);
    }
    double meanMag = (double) total / Math.max(1, (w - 2) * (h - 2));
    double thr = Math.max(8, 2.0 * meanMag);
    int count = 0;
    for (int i = 0; i < mag.length; i++) {
      if (mag[i] > thr) {
        edges[i] = true;
        count++;
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (!edges[y * w + x]) {
          continue;
        }
        for (int dy = -1; dy <= 1; dy++) {
          int yy = y + dy;
          if (yy < 0 || yy >= h) {
            continue;
          }
          for (int dx = -1; dx <= 1; dx++) {
            int xx = x + dx;
            if (xx >= 0 && xx < w) {
              dilated[yy * w + xx] = true;
            }
          }
        }
      }
    }
    return count;
  }

  /**
   * Unsigned gradient orientation (0..180 degrees) in 8 bins of 22.5 degrees, from slopes rather
   * than {@code atan2} (this runs for every pixel of every frame).
   */
  private static int orientationBin(int gx, int gy) {
    int ax = Math.abs(gx);
    int ay = Math.abs(gy);
    int q = ay * 10000 < 4142 * ax ? 0 : ay < ax ? 1 : ay * 10000 < 24142 * ax ? 2 : 3;
    return (gx >= 0) == (gy >= 0) ? q : ORIENTATION_BINS - 1 - q;
  }

  /** Nearly uniform black or white: the middle of a fade (to black or to white). */
  boolean blank() {
    return std < 10 && (mean < 24 || mean > 230);
  }
}

package org.videoannotator.embed.model.descriptor;

/**
 * Per-frame appearance: colour statistics (HSV histograms, channel means and spreads, brightness,
 * colourfulness, day/night cues), spatial layout (coarse grid colours) and edges/texture (gradient
 * histograms, edge density per cell, a text-on-screen proxy, a blob-count crowd proxy).
 */
final class AppearanceFeatures {
  static final int HUE_BINS = 12;
  static final int SAT_BINS = 4;
  static final int VAL_BINS = 8;
  static final int GRID = 3;
  static final int MAG_BINS = 8;
  static final int ORIENT_BINS = 8;

  static final int COLOR_DIM = HUE_BINS + SAT_BINS + VAL_BINS + 6 + 7;
  static final int LAYOUT_DIM = GRID * GRID * 3;
  static final int TEXTURE_DIM = MAG_BINS + ORIENT_BINS + GRID * GRID + 3;

  /** Gradient magnitude above which a pixel is an edge (luma units per pixel). */
  private static final float EDGE = 0.08f;

  private AppearanceFeatures() {}

  static float[] color(FramePixels p) {
    int n = p.size();
    double[] hue = new double[HUE_BINS];
    double[] sat = new double[SAT_BINS];
    double[] val = new double[VAL_BINS];
    double[] sum = new double[3];
    double[] sq = new double[3];
    double dark = 0;
    double bright = 0;
    double satSum = 0;
    double rgSum = 0;
    double rgSq = 0;
    double ybSum = 0;
    double ybSq = 0;
    for (int i = 0; i < n; i++) {
      // Hue only counts where there is colour to see: greys and near-black carry no hue.
      hue[Math.min(HUE_BINS - 1, (int) (p.hue[i] * HUE_BINS))] += p.sat[i] * p.val[i];
      sat[Math.min(SAT_BINS - 1, (int) (p.sat[i] * SAT_BINS))]++;
      val[Math.min(VAL_BINS - 1, (int) (p.val[i] * VAL_BINS))]++;
      float[] c = {p.r[i], p.g[i], p.b[i]};
      for (int k = 0; k < 3; k++) {
        sum[k] += c[k];
        sq[k] += c[k] * c[k];
      }
      dark += p.val[i] < 0.25f ? 1 : 0;
      bright += p.val[i] > 0.8f ? 1 : 0;
      satSum += p.sat[i];
      double rg = p.r[i] - p.g[i];
      double yb = 0.5 * (p.r[i] + p.g[i]) - p.b[i];
      rgSum += rg;
      rgSq += rg * rg;
      ybSum += yb;
      ybSq += yb * yb;
    }
    FeatureWriter w = new FeatureWriter(COLOR_DIM);
    w.addHistogram(scale(hue, 1.0 / n), 0.2);
    w.addHistogram(scale(sat, 1.0 / n), 0.3);
    w.addHistogram(scale(val, 1.0 / n), 0.3);
    for (int k = 0; k < 3; k++) {
      double mean = sum[k] / n;
      w.add(mean, 0.45, 0.25);
      w.add(Math.sqrt(Math.max(0, sq[k] / n - mean * mean)), 0.2, 0.1);
    }
    double lumaMean = mean(p.luma, 0, FramePixels.HEIGHT);
    w.add(lumaMean, 0.45, 0.25);
    w.add(colourfulness(rgSum / n, rgSq / n, ybSum / n, ybSq / n), 0.3, 0.2);
    w.add(dark / n, 0.3, 0.3);
    w.add(bright / n, 0.2, 0.2);
    w.add(satSum / n, 0.35, 0.2);
    // Day/night cues: a lit sky makes the top brighter and bluer than the bottom.
    int third = FramePixels.HEIGHT / 3;
    w.add(
        mean(p.luma, 0, third) - mean(p.luma, FramePixels.HEIGHT - third, FramePixels.HEIGHT),
        0,
        0.2);
    w.add(mean(p.b, 0, third) - mean(p.r, 0, third), 0, 0.2);
    return w.done();
  }

  static float[] layout(FramePixels p) {
    FeatureWriter w = new FeatureWriter(LAYOUT_DIM);
    for (int gy = 0; gy < GRID; gy++) {
      for (int gx = 0; gx < GRID; gx++) {
        double[] s = new double[3];
        int count = 0;
        for (int y = gy * FramePixels.HEIGHT / GRID;
            y < (gy + 1) * FramePixels.HEIGHT / GRID;
            y++) {
          for (int x = gx * FramePixels.WIDTH / GRID;
              x < (gx + 1) * FramePixels.WIDTH / GRID;
              x++) {
            int i = y * FramePixels.WIDTH + x;
            s[0] += p.r[i];
            s[1] += p.g[i];
            s[2] += p.b[i];
            count++;
          }
        }
        for (int k = 0; k < 3; k++) {
          w.add(s[k] / count, 0.45, 0.25);
        }
      }
    }
    return w.done();
  }

  static float[] texture(FramePixels p) {
    int width = FramePixels.WIDTH;
    int height = FramePixels.HEIGHT;
    double[] mag = new double[MAG_BINS];
    double[] orient = new double[ORIENT_BINS];
    double[] cellEdges = new double[GRID * GRID];
    double[] cellCount = new double[GRID * GRID];
    double magSum = 0;
    float[] gx = new float[width * height];
    int inner = 0;
    for (int y = 1; y < height - 1; y++) {
      for (int x = 1; x < width - 1; x++) {
        int i = y * width + x;
        float dx = 0.5f * (p.luma[i + 1] - p.luma[i - 1]);
        float dy = 0.5f * (p.luma[i + width] - p.luma[i - width]);
        gx[i] = dx;
        double m = Math.hypot(dx, dy);
        magSum += m;
        inner++;
        // Log-spaced magnitude bins: 0.01, 0.02, 0.04 ... so flat and busy frames both resolve.
        int bin =
            m < 0.01 ? 0 : Math.min(MAG_BINS - 1, 1 + (int) (Math.log(m / 0.01) / Math.log(2)));
        mag[bin]++;
        double angle = Math.atan2(dy, dx); // orientation modulo pi: an edge has no direction
        if (angle < 0) {
          angle += Math.PI;
        }
        orient[Math.min(ORIENT_BINS - 1, (int) (angle / Math.PI * ORIENT_BINS))] += m;
        int cell =
            Math.min(GRID - 1, y * GRID / height) * GRID + Math.min(GRID - 1, x * GRID / width);
        cellCount[cell]++;
        if (m > EDGE) {
          cellEdges[cell]++;
        }
      }
    }
    FeatureWriter w = new FeatureWriter(TEXTURE_DIM);
    w.addHistogram(scale(mag, 1.0 / inner), 0.3);
    w.addHistogram(scale(orient, magSum > 0 ? 1.0 / magSum : 0), 0.2);
    for (int c = 0; c < cellEdges.length; c++) {
      w.add(cellEdges[c] / cellCount[c], 0.15, 0.15);
    }
    w.add(magSum / inner, 0.04, 0.04);
    w.add(textStrokeDensity(gx, width, height), 0.05, 0.08);
    w.add(Math.log1p(blobCount(p.luma, width, height)), 2.5, 1.0);
    return w.done();
  }

  /**
   * Share of short row segments crossed by many strong alternating horizontal gradients: printed
   * text is a dense run of thin vertical strokes along a line, which natural texture rarely is.
   */
  static double textStrokeDensity(float[] gx, int width, int height) {
    final int segment = 16;
    final float strong = 0.12f;
    int segments = 0;
    int texty = 0;
    for (int y = 1; y < height - 1; y++) {
      for (int x0 = 1; x0 + segment < width - 1; x0 += segment) {
        int changes = 0;
        int lastSign = 0;
        for (int x = x0; x < x0 + segment; x++) {
          float d = gx[y * width + x];
          int sign = d > strong ? 1 : d < -strong ? -1 : 0;
          if (sign != 0 && sign != lastSign) {
            changes++;
            lastSign = sign;
          }
        }
        segments++;
        if (changes >= 4) {
          texty++;
        }
      }
    }
    return segments == 0 ? 0 : (double) texty / segments;
  }

  /**
   * Connected regions that stand out from their 7x7 neighbourhood: many small figures (a crowd)
   * give many blobs, a single figure or an empty landscape few.
   */
  static int blobCount(float[] luma, int width, int height) {
    final int radius = 3;
    final float contrast = 0.08f;
    boolean[] mask = new boolean[width * height];
    float[] integral = integralImage(luma, width, height);
    for (int y = radius; y < height - radius; y++) {
      for (int x = radius; x < width - radius; x++) {
        double local = boxMean(integral, width, x - radius, y - radius, x + radius, y + radius);
        mask[y * width + x] = Math.abs(luma[y * width + x] - local) > contrast;
      }
    }
    int blobs = 0;
    int[] stack = new int[width * height];
    for (int start = 0; start < mask.length; start++) {
      if (!mask[start]) {
        continue;
      }
      int size = 0;
      int top = 0;
      stack[top++] = start;
      mask[start] = false;
      while (top > 0) {
        int i = stack[--top];
        size++;
        int x = i % width;
        int[] neighbours = {x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width};
        for (int j : neighbours) {
          if (j >= 0 && j < mask.length && mask[j]) {
            mask[j] = false;
            stack[top++] = j;
          }
        }
      }
      if (size >= 3) { // single pixels are noise, not objects
        blobs++;
      }
    }
    return blobs;
  }

  private static float[] integralImage(float[] v, int width, int height) {
    float[] s = new float[(width + 1) * (height + 1)];
    for (int y = 0; y < height; y++) {
      float row = 0;
      for (int x = 0; x < width; x++) {
        row += v[y * width + x];
        s[(y + 1) * (width + 1) + x + 1] = s[y * (width + 1) + x + 1] + row;
      }
    }
    return s;
  }

  private static double boxMean(float[] s, int width, int x0, int y0, int x1, int y1) {
    int w = width + 1;
    double total =
        s[(y1 + 1) * w + x1 + 1] - s[y0 * w + x1 + 1] - s[(y1 + 1) * w + x0] + s[y0 * w + x0];
    return total / ((x1 - x0 + 1) * (y1 - y0 + 1));
  }

  /** Hasler and Suesstrunk's colourfulness, in [0, ~1] for [0, 1] channels. */
  private static double colourfulness(double rgMean, double rgSq, double ybMean, double ybSq) {
    double rgVar = Math.max(0, rgSq - rgMean * rgMean);
    double ybVar = Math.max(0, ybSq - ybMean * ybMean);
    return Math.sqrt(rgVar + ybVar) + 0.3 * Math.hypot(rgMean, ybMean);
  }

  private static double mean(float[] plane, int rowFrom, int rowTo) {
    double s = 0;
    for (int i = rowFrom * FramePixels.WIDTH; i < rowTo * FramePixels.WIDTH; i++) {
      s += plane[i];
    }
    return s / ((rowTo - rowFrom) * FramePixels.WIDTH);
  }

  private static double[] scale(double[] v, double factor) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * factor;
    }
    return out;
  }
}

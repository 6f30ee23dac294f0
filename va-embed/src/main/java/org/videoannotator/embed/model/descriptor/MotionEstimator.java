package org.videoannotator.embed.model.descriptor;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.videoannotator.embed.model.Images;

/**
 * Camera and object motion between two frames of a shot. First the global shift that best aligns
 * the whole frames (exhaustive search of the mean absolute difference, sub-pixel), which is robust
 * to repetitive texture (windows, stripes) that fools small blocks; then block matching in a small
 * window around that shift, and a robust least-squares fit of a similarity motion model {@code u =
 * tx + s*x - r*y, v = ty + s*y + r*x} (x, y relative to the frame centre): the translation (tx, ty)
 * is pan/tilt, s is zoom (divergence), r is roll, and what the model does not explain (the
 * residual) is object motion.
 */
final class MotionEstimator {
  static final int WIDTH = 96;
  static final int HEIGHT = 72;
  private static final int BLOCK = 12;

  /** Block search radius around the global shift. */
  private static final int SEARCH = 3;

  /** Global shift search radius: 12 px of 96 is a pan of 1/8 of the frame between the pair. */
  private static final int GLOBAL = 12;

  /** Blocks flatter than this (luma variance) match anywhere and would only add noise. */
  private static final double MIN_BLOCK_VARIANCE = 2e-4;

  /** Motion between two frames, per frame of gap, in units of the frame width. */
  record Motion(double tx, double ty, double zoom, double roll, double residual, double matched) {
    static final Motion NONE = new Motion(0, 0, 0, 0, 0, 0);
  }

  private MotionEstimator() {}

  static Motion estimate(BufferedImage a, BufferedImage b, int gap) {
    float[] ga = gray(a);
    float[] gb = gray(b);
    double[] global = globalShift(ga, gb);
    int gx = (int) Math.round(global[0]);
    int gy = (int) Math.round(global[1]);
    List<double[]> vectors = new ArrayList<>(); // {x, y, u, v} in pixels of the small frame
    int candidates = 0;
    for (int y0 = 0; y0 + BLOCK <= HEIGHT; y0 += BLOCK) {
      for (int x0 = 0; x0 + BLOCK <= WIDTH; x0 += BLOCK) {
        // Only blocks whose whole search window stays inside the frame.
        if (x0 + gx - SEARCH < 0
            || x0 + gx + SEARCH + BLOCK > WIDTH
            || y0 + gy - SEARCH < 0
            || y0 + gy + SEARCH + BLOCK > HEIGHT) {
          continue;
        }
        candidates++;
        if (variance(ga, x0, y0) < MIN_BLOCK_VARIANCE) {
          continue;
        }
        double[] uv = match(ga, gb, x0, y0, gx, gy);
        double cx = x0 + BLOCK / 2.0 - WIDTH / 2.0;
        double cy = y0 + BLOCK / 2.0 - HEIGHT / 2.0;
        vectors.add(new double[] {cx, cy, uv[0], uv[1]});
      }
    }
    if (vectors.size() < 4) {
      // Too little texture for a motion model: keep the global shift, which used every pixel.
      return new Motion(
          global[0] / WIDTH / gap,
          global[1] / WIDTH / gap,
          0,
          0,
          0,
          candidates == 0 ? 0 : (double) vectors.size() / candidates);
    }
    double[] model = fit(vectors);
    double[] residuals = residuals(vectors, model);
    // One robust pass: moving objects are outliers of the camera model; refit without them.
    double[] sorted = residuals.clone();
    Arrays.sort(sorted);
    double cutoff = Math.max(0.5, 2.5 * sorted[sorted.length / 2]);
    List<double[]> inliers = new ArrayList<>();
    for (int i = 0; i < vectors.size(); i++) {
      if (residuals[i] <= cutoff) {
        inliers.add(vectors.get(i));
      }
    }
    if (inliers.size() >= 4 && inliers.size() < vectors.size()) {
      model = fit(inliers);
      residuals = residuals(vectors, model);
    }
    double meanResidual = Arrays.stream(residuals).average().orElse(0);
    return new Motion(
        model[0] / WIDTH / gap,
        model[1] / WIDTH / gap,
        model[2] / gap,
        model[3] / gap,
        meanResidual / WIDTH / gap,
        (double) vectors.size() / candidates);
  }

  /**
   * The shift (u, v) minimising the mean absolute difference between {@code a} and {@code b} moved
   * by it, over the region both frames cover for every candidate shift; sub-pixel.
   */
  private static double[] globalShift(float[] a, float[] b) {
    return bestShift(a, b, GLOBAL, GLOBAL, WIDTH - 2 * GLOBAL, HEIGHT - 2 * GLOBAL, 0, 0, GLOBAL);
  }

  /** Best displacement of the block at (x0, y0) of {@code a} within {@code b} near (gx, gy). */
  private static double[] match(float[] a, float[] b, int x0, int y0, int gx, int gy) {
    return bestShift(a, b, x0, y0, BLOCK, BLOCK, gx, gy, SEARCH);
  }

  /**
   * The displacement within {@code radius} of (cx, cy) that best matches the {@code w x h} region
   * of {@code a} at (x0, y0) in {@code b} (sum of absolute differences), refined to sub-pixel. A
   * tiny penalty on the distance from (cx, cy) breaks ties in repetitive texture.
   */
  private static double[] bestShift(
      float[] a, float[] b, int x0, int y0, int w, int h, int cx, int cy, int radius) {
    int size = 2 * radius + 1;
    double[] cost = new double[size * size];
    double tie = 1e-6 * w * h;
    int best = -1;
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        double sad = 0;
        for (int y = 0; y < h; y++) {
          int ra = (y0 + y) * WIDTH + x0;
          int rb = (y0 + y + cy + dy) * WIDTH + x0 + cx + dx;
          for (int x = 0; x < w; x++) {
            sad += Math.abs(a[ra + x] - b[rb + x]);
          }
        }
        int k = (dy + radius) * size + dx + radius;
        cost[k] = sad + tie * (Math.abs(dx) + Math.abs(dy));
        if (best < 0 || cost[k] < cost[best]) {
          best = k;
        }
      }
    }
    double[] local = minimum(cost, best, size, radius);
    return new double[] {cx + local[0], cy + local[1]};
  }

  /** The sub-pixel position of the cost minimum at index {@code best} of a square grid. */
  private static double[] minimum(double[] cost, int best, int size, int radius) {
    int bx = best % size;
    int by = best / size;
    return new double[] {
      bx - radius + subPixel(cost, bx, by, 1, 0, size),
      by - radius + subPixel(cost, bx, by, 0, 1, size)
    };
  }

  /** Vertex offset of the parabola through the cost minimum and its two neighbours on one axis. */
  private static double subPixel(double[] cost, int bx, int by, int ux, int uy, int size) {
    int x1 = bx - ux;
    int y1 = by - uy;
    int x2 = bx + ux;
    int y2 = by + uy;
    if (x1 < 0 || y1 < 0 || x2 >= size || y2 >= size) {
      return 0;
    }
    double c0 = cost[y1 * size + x1];
    double c1 = cost[by * size + bx];
    double c2 = cost[y2 * size + x2];
    double denominator = c0 - 2 * c1 + c2;
    return denominator > 1e-12 ? Math.max(-0.5, Math.min(0.5, 0.5 * (c0 - c2) / denominator)) : 0;
  }

  /** Least-squares {tx, ty, s, r} of the similarity model. */
  private static double[] fit(List<double[]> vectors) {
    double[][] ata = new double[4][4];
    double[] atb = new double[4];
    for (double[] p : vectors) {
      double x = p[0];
      double y = p[1];
      double[][] rows = {{1, 0, x, -y}, {0, 1, y, x}};
      double[] rhs = {p[2], p[3]};
      for (int r = 0; r < 2; r++) {
        for (int i = 0; i < 4; i++) {
          atb[i] += rows[r][i] * rhs[r];
          for (int j = 0; j < 4; j++) {
            ata[i][j] += rows[r][i] * rows[r][j];
          }
        }
      }
    }
    return solve(ata, atb);
  }

  private static double[] residuals(List<double[]> vectors, double[] m) {
    double[] out = new double[vectors.size()];
    for (int i = 0; i < out.length; i++) {
      double[] p = vectors.get(i);
      double u = m[0] + m[2] * p[0] - m[3] * p[1];
      double v = m[1] + m[2] * p[1] + m[3] * p[0];
      out[i] = Math.hypot(p[2] - u, p[3] - v);
    }
    return out;
  }

  /** Gaussian elimination with partial pivoting; a singular system yields zeros. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(m[pivot][col]) < 1e-9) {
        return new double[n];
      }
      double[] t = m[col];
      m[col] = m[pivot];
      m[pivot] = t;
      for (int r = 0; r < n; r++) {
        if (r != col) {
          double f = m[r][col] / m[col][col];
          for (int c = col; c <= n; c++) {
            m[r][c] -= f * m[col][c];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = m[i][n] / m[i][i];
    }
    return x;
  }

  private static double variance(float[] g, int x0, int y0) {
    double s = 0;
    double sq = 0;
    for (int y = 0; y < BLOCK; y++) {
      for (int x = 0; x < BLOCK; x++) {
        float v = g[(y0 + y) * WIDTH + x0 + x];
        s += v;
        sq += v * v;
      }
    }
    int n = BLOCK * BLOCK;
    return sq / n - (s / n) * (s / n);
  }

  private static float[] gray(BufferedImage image) {
    BufferedImage small = Images.resize(image, WIDTH, HEIGHT);
    int[] argb = small.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH);
    float[] out = new float[argb.length];
    for (int i = 0; i < argb.length; i++) {
      out[i] =
          (0.299f * ((argb[i] >> 16) & 0xff)
                  + 0.587f * ((argb[i] >> 8) & 0xff)
                  + 0.114f * (argb[i] & 0xff))
              / 255f;
    }
    return out;
  }
}

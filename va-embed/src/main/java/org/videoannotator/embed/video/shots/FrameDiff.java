package org.videoannotator.embed.video.shots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How different two frames are, after compensating the dominant camera translation.
 *
 * @param hist half the L1 distance of the colour histograms, 0..1 (no motion compensation needed)
 * @param blocks share of textured blocks whose best local match (after the global shift, +-2 px)
 *     still differs in structure (contrast-normalised), 0..1; {@code NaN} when too few blocks have
 *     texture to judge
 * @param ecr edge change ratio: the larger share of edges appearing or disappearing, 0..1
 * @param dx horizontal shift in half-size pixels
 * @param dy vertical shift in half-size pixels
 */
record FrameDiff(double hist, double blocks, double ecr, int dx, int dy) {
  private static final int TINY_RADIUS = 6;
  private static final int BLOCK_COLS = 8;
  private static final int BLOCK_ROWS = 5;
  private static final int LOCAL_RADIUS = 2;
  private static final double FLAT_STD = 5;
  private static final double BLOCK_CHANGED = 0.55;

  /** A block matching this well needs no further search. */
  private static final double BLOCK_SURE_MATCH = 0.25;

  /** Local shifts, nearest first, so a block that did not move is settled after one try. */
  private static final int[][] LOCAL_SHIFTS = localShifts();

  private static int[][] localShifts() {
    List<int[]> l = new ArrayList<>();
    for (int sy = -LOCAL_RADIUS; sy <= LOCAL_RADIUS; sy++) {
      for (int sx = -LOCAL_RADIUS; sx <= LOCAL_RADIUS; sx++) {
        l.add(new int[] {sx, sy});
      }
    }
    l.sort(Comparator.comparingInt(v -> v[0] * v[0] + v[1] * v[1]));
    return l.toArray(new int[0][]);
  }

  /**
   * One number for "a new shot starts here": structure (blocks, edges) and colour must both change.
   * When the frames have too little texture to judge structure, colour decides.
   */
  double cutScore() {
    double colour = Math.min(1.0, 1.5 * hist);
    if (Double.isNaN(blocks)) {
      return colour;
    }
    double structure = 0.5 * blocks + 0.5 * ecr;
    // Colour alone moves with the light; it only counts as far as the structure changed too.
    return 0.6 * structure + 0.4 * colour * Math.min(1.0, structure / STRUCTURE_FOR_COLOUR);
  }

  /** Structural change at which colour change counts fully in {@link #cutScore()}. */
  private static final double STRUCTURE_FOR_COLOUR = 0.3;

  static FrameDiff compare(FrameFeatures a, FrameFeatures b) {
    double hist = 0;
    for (int i = 0; i < FrameFeatures.HIST_BINS; i++) {
      hist += Math.abs(a.hist[i] - b.hist[i]);
    }
    hist *= 0.5;
    int[] shift = globalShift(a, b);
    int dx = shift[0];
    int dy = shift[1];
    double blocks = blockChange(a, b, dx, dy);
    double ecr = edgeChange(a, b, dx, dy);
    return new FrameDiff(hist, blocks, ecr, dx, dy);
  }

  /**
   * b(x + dx, y + dy) best matches a(x, y): exhaustive search on eighth-size luma, refined by +-1
   * at quarter and half size (a pyramid: about a third of the work of searching quarter size).
   */
  private static int[] globalShift(FrameFeatures a, FrameFeatures b) {
    int[] s =
        bestShift(
            a.microNorm,
            b.microNorm,
            a.mw,
            a.mh,
            0,
            0,
            Math.min(TINY_RADIUS / 2 + 1, a.mw / 4),
            Math.min(TINY_RADIUS / 2 + 1, a.mh / 4));
    s = bestShift(a.tinyNorm, b.tinyNorm, a.tw, a.th, 2 * s[0], 2 * s[1], 1, 1);
    return bestShift(a.lumaNorm, b.lumaNorm, a.w, a.h, 2 * s[0], 2 * s[1], 1, 1);
  }

  private static int[] bestShift(
      float[] a, float[] b, int w, int h, int cx, int cy, int rx, int ry) {
    int bx = cx;
    int by = cy;
    double best = Double.MAX_VALUE;
    for (int sy = cy - ry; sy <= cy + ry; sy++) {
      for (int sx = cx - rx; sx <= cx + rx; sx++) {
        // a tiny preference for small shifts breaks ties on flat pictures toward "no motion"
        double e = meanAbs(a, b, w, h, sx, sy) + 0.005 * (Math.abs(sx) + Math.abs(sy));
        if (e < best) {
          best = e;
          bx = sx;
          by = sy;
        }
      }
    }
    return new int[] {bx, by};
  }

  /** Mean |a(x,y) - b(x+dx,y+dy)| over the overlap of standardised pictures. */
  static double meanAbs(float[] a, float[] b, int w, int h, int dx, int dy) {
    int x0 = Math.max(0, -dx);
    int x1 = Math.min(w, w - dx);
    int y0 = Math.max(0, -dy);
    int y1 = Math.min(h, h - dy);
    if (x1 - x0 < w / 3 || y1 - y0 < h / 3) {
      return Double.MAX_VALUE / 4;
    }
    double sum = 0;
    for (int y = y0; y < y1; y++) {
      int ia = y * w;
      int ib = (y + dy) * w + dx;
      for (int x = x0; x < x1; x++) {
        sum += Math.abs(a[ia + x] - b[ib + x]);
      }
    }
    return sum / ((long) (x1 - x0) * (y1 - y0));
  }

  private static double blockChange(FrameFeatures a, FrameFeatures b, int dx, int dy) {
    int bw = a.w / BLOCK_COLS;
    int bh = a.h / BLOCK_ROWS;
    if (bw < 2 || bh < 2) {
      return Double.NaN; // a picture this small has no blocks to judge: colour decides
    }
    int judged = 0;
    int changed = 0;
    for (int by = 0; by < BLOCK_ROWS; by++) {
      for (int bx = 0; bx < BLOCK_COLS; bx++) {
        int x0 = bx * bw;
        int y0 = by * bh;
        double[] sa = stats(a.luma, a.w, x0, y0, bw, bh);
        double best = Double.MAX_VALUE;
        boolean inside = false;
        boolean textured = sa[1] >= FLAT_STD;
        for (int k = 0; k < LOCAL_SHIFTS.length && best > BLOCK_SURE_MATCH; k++) {
          {
            int sx = LOCAL_SHIFTS[k][0];
            int sy = LOCAL_SHIFTS[k][1];
            int ox = x0 + dx + sx;
            int oy = y0 + dy + sy;
            if (ox < 0 || oy < 0 || ox + bw > a.w || oy + bh > a.h) {
              continue;
            }
            inside = true;
            double[] sb = stats(b.luma, b.w, ox, oy, bw, bh);
            textured |= sb[1] >= FLAT_STD;
            double e = normalisedError(a.luma, a.w, x0, y0, sa, b.luma, ox, oy, sb, bw, bh);
            best = Math.min(best, e);
          }
        }
        if (!inside || !textured) {
          continue;
        }
        judged++;
        if (best > BLOCK_CHANGED) {
          changed++;
        }
      }
    }
    return judged < BLOCK_COLS * BLOCK_ROWS / 5 ? Double.NaN : (double) changed / judged;
  }

  private static double[] stats(short[] p, int w, int x0, int y0, int bw, int bh) {
    long s = 0;
    long q = 0;
    for (int y = y0; y < y0 + bh; y++) {
      for (int x = x0, i = y * w + x0; x < x0 + bw; x++, i++) {
        s += p[i];
        q += p[i] * p[i];
      }
    }
    int n = bw * bh;
    double m = (double) s / n;
    return new double[] {m, Math.sqrt(Math.max(0, (double) q / n - m * m))};
  }

  private static double normalisedError(
      short[] a,
      int w,
      int ax,
      int ay,
      double[] sa,
      short[] b,
      int bx,
      int by,
      double[] sb,
      int bw,
      int bh) {
    double scaleA = 1.0 / Math.max(sa[1], FLAT_STD * 2);
    double scaleB = 1.0 / Math.max(sb[1], FLAT_STD * 2);
    double sum = 0;
    for (int y = 0; y < bh; y++) {
      int ia = (ay + y) * w + ax;
      int ib = (by + y) * w + bx;
      for (int x = 0; x < bw; x++) {
        sum += Math.abs((a[ia + x] - sa[0]) * scaleA - (b[ib + x] - sb[0]) * scaleB);
      }
    }
    return sum / (bw * bh);
  }

  private static double edgeChange(FrameFeatures a, FrameFeatures b, int dx, int dy) {
    int minEdges = Math.max(4, a.w * a.h / 400);
    boolean aHas = a.edgeCount >= minEdges;
    boolean bHas = b.edgeCount >= minEdges;
    if (!aHas && !bHas) {
      return 0;
    }
    if (!aHas || !bHas) {
      return 1;
    }
    int w = a.w;
    int out = 0;
    int outN = 0;
    int in = 0;
    int inN = 0;
    int x0 = Math.max(0, -dx);
    int x1 = Math.min(w, w - dx);
    int y0 = Math.max(0, -dy);
    int y1 = Math.min(a.h, a.h - dy);
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int ia = y * w + x;
        int ib = (y + dy) * w + x + dx;
        if (a.edges[ia]) {
          outN++;
          if (!b.dilated[ib]) {
            out++;
          }
        }
        if (b.edges[ib]) {
          inN++;
          if (!a.dilated[ia]) {
            in++;
          }
        }
      }
    }
    double ro = outN == 0 ? 0 : (double) out / outN;
    double ri = inN == 0 ? 0 : (double) in / inN;
    return Math.max(ro, ri);
  }
}

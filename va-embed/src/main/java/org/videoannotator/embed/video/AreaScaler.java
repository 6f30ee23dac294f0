package org.videoannotator.embed.video;

import java.nio.ByteBuffer;

/**
 * Area-average downscaling of a BGR24 picture to a small interleaved RGB frame: every output pixel
 * is the mean of the source pixels its box covers (integer box edges), which avoids the aliasing
 * of point sampling that would make textures flicker between frames.
 */
final class AreaScaler {
  private final int srcW;
  private final int srcH;
  private final int outW;
  private final int outH;
  private final int[] xStart;
  private final int[] yStart;
  private final byte[] row;
  private final int[] acc;

  AreaScaler(int srcW, int srcH, int targetWidth) {
    this.srcW = srcW;
    this.srcH = srcH;
    this.outW = Math.min(srcW, targetWidth);
    this.outH = Math.max(1, (int) Math.round((double) srcH * outW / srcW));
    this.xStart = edges(srcW, outW);
    this.yStart = edges(srcH, outH);
    this.row = new byte[srcW * 3];
    this.acc = new int[outW * 3];
  }

  private static int[] edges(int src, int out) {
    int[] e = new int[out + 1];
    for (int i = 0; i <= out; i++) {
      e[i] = (int) ((long) i * src / out);
    }
    return e;
  }

  int outWidth() {
    return outW;
  }

  int outHeight() {
    return outH;
  }

  /** Scales the BGR24 picture in {@code buf} (row stride {@code stride} bytes) to RGB bytes. */
  byte[] scale(ByteBuffer buf, int stride) {
    byte[] out = new byte[outW * outH * 3];
    for (int oy = 0; oy < outH; oy++) {
      java.util.Arrays.fill(acc, 0);
      int y0 = yStart[oy];
      int y1 = Math.max(yStart[oy + 1], y0 + 1);
      for (int y = y0; y < y1; y++) {
        buf.get(y * stride, row, 0, srcW * 3);
        for (int ox = 0; ox < outW; ox++) {
          int x1 = Math.max(xStart[ox + 1], xStart[ox] + 1);
          int b = 0;
          int g = 0;
          int r = 0;
          for (int x = xStart[ox], o = x * 3; x < x1; x++, o += 3) {
            b += row[o] & 0xff;
            g += row[o + 1] & 0xff;
            r += row[o + 2] & 0xff;
          }
          int a = ox * 3;
          acc[a] += r;
          acc[a + 1] += g;
          acc[a + 2] += b;
        }
      }
      int rows = y1 - y0;
      for (int ox = 0; ox < outW; ox++) {
        int n = rows * (Math.max(xStart[ox + 1], xStart[ox] + 1) - xStart[ox]);
        int a = ox * 3;
        int o = (oy * outW + ox) * 3;
        out[o] = (byte) ((acc[a] + n / 2) / n);
        out[o + 1] = (byte) ((acc[a + 1] + n / 2) / n);
        out[o + 2] = (byte) ((acc[a + 2] + n / 2) / n);
      }
    }
    return out;
  }
}

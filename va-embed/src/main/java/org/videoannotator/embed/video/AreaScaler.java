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
  private final int[] xEnd;
  private final int[] yStart;
  private final int[] yEnd;
  private final int[] acc;
  private byte[] src = new byte[0];

  AreaScaler(int srcW, int srcH, int targetWidth) {
    this.srcW = srcW;
    this.srcH = srcH;
    this.outW = Math.min(srcW, targetWidth);
    this.outH = Math.max(1, (int) Math.round((double) srcH * outW / srcW));
    this.xStart = edges(srcW, outW);
    this.yStart = edges(srcH, outH);
    this.xEnd = ends(xStart);
    this.yEnd = ends(yStart);
    this.acc = new int[outW * 3];
  }

  /** End (exclusive) of each box: the next box's start, but at least one pixel. */
  private static int[] ends(int[] starts) {
    int[] e = new int[starts.length - 1];
    for (int i = 0; i < e.length; i++) {
      e[i] = Math.max(starts[i + 1], starts[i] + 1);
    }
    return e;
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
    int need = stride * (srcH - 1) + srcW * 3;
    if (src.length < need) {
      src = new byte[need];
    }
    // one bulk copy off the native buffer: per-row or per-byte native reads are far slower
    buf.get(0, src, 0, need);
    byte[] in = src;
    byte[] out = new byte[outW * outH * 3];
    for (int oy = 0; oy < outH; oy++) {
      java.util.Arrays.fill(acc, 0);
      for (int y = yStart[oy]; y < yEnd[oy]; y++) {
        int base = y * stride;
        for (int ox = 0, a = 0; ox < outW; ox++, a += 3) {
          int b = 0;
          int g = 0;
          int r = 0;
          for (int o = base + xStart[ox] * 3, end = base + xEnd[ox] * 3; o < end; o += 3) {
            b += in[o] & 0xff;
            g += in[o + 1] & 0xff;
            r += in[o + 2] & 0xff;
          }
          acc[a] += r;
          acc[a + 1] += g;
          acc[a + 2] += b;
        }
      }
      int rows = yEnd[oy] - yStart[oy];
      for (int ox = 0, a = 0; ox < outW; ox++, a += 3) {
        int n = rows * (xEnd[ox] - xStart[ox]);
        int o = (oy * outW + ox) * 3;
        out[o] = (byte) ((acc[a] + n / 2) / n);
        out[o + 1] = (byte) ((acc[a + 1] + n / 2) / n);
        out[o + 2] = (byte) ((acc[a + 2] + n / 2) / n);
      }
    }
    return out;
  }
}

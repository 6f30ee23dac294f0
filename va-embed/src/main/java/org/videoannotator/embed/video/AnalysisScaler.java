package org.videoannotator.embed.video;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Area-average downscaling of the BGR24 working picture to the small interleaved RGB analysis frame
 * with FFmpeg's swscale ({@code SWS_AREA}: every output pixel is the mean of the box it covers, so
 * textures do not flicker between frames). Native SIMD code, several times faster than a Java loop
 * over the working picture. Not thread-safe; {@link #close()} frees the native context and buffers.
 */
final class AnalysisScaler implements AutoCloseable {
  private static final int ALIGN = 32;

  private final int srcW;
  private final int srcH;
  private final int outW;
  private final int outH;
  private final int dstStride;
  private final SwsContext ctx;
  private final BytePointer dst;
  private final PointerPointer<BytePointer> srcPlanes = new PointerPointer<>(4);
  private final IntPointer srcStrides = new IntPointer(4);
  private final PointerPointer<BytePointer> dstPlanes = new PointerPointer<>(4);
  private final IntPointer dstStrides = new IntPointer(4);
  private final byte[] row;

  AnalysisScaler(int srcW, int srcH, int targetWidth) {
    this.srcW = srcW;
    this.srcH = srcH;
    this.outW = Math.min(srcW, targetWidth);
    this.outH = Math.max(1, (int) Math.round((double) srcH * outW / srcW));
    this.dstStride = (outW * 3 + ALIGN - 1) / ALIGN * ALIGN;
    this.ctx =
        swscale.sws_getContext(
            srcW,
            srcH,
            avutil.AV_PIX_FMT_BGR24,
            outW,
            outH,
            avutil.AV_PIX_FMT_RGB24,
            swscale.SWS_AREA,
            null,
            null,
            (DoublePointer) null);
    if (ctx == null || ctx.isNull()) {
      throw new IllegalStateException(
          "swscale cannot scale " + srcW + "x" + srcH + " to " + outW + "x" + outH);
    }
    this.dst =
        new BytePointer(avutil.av_malloc((long) dstStride * outH + ALIGN))
            .capacity((long) dstStride * outH);
    dstPlanes.put(0, dst);
    dstStrides.put(0, dstStride);
    this.row = new byte[outW * 3];
  }

  int outWidth() {
    return outW;
  }

  int outHeight() {
    return outH;
  }

  /** Scales the BGR24 picture in {@code buf} (row stride {@code stride} bytes) to RGB bytes. */
  byte[] scale(ByteBuffer buf, int stride) {
    if (!buf.isDirect() || buf.capacity() < (long) stride * (srcH - 1) + srcW * 3L) {
      throw new IllegalArgumentException(
          "need a direct buffer of the "
              + srcW
              + "x"
              + srcH
              + " picture, got capacity "
              + buf.capacity());
    }
    srcPlanes.put(0, new BytePointer(buf).position(0));
    srcStrides.put(0, stride);
    swscale.sws_scale(ctx, srcPlanes, srcStrides, 0, srcH, dstPlanes, dstStrides);
    byte[] out = new byte[outW * 3 * outH];
    if (dstStride == outW * 3) {
      dst.position(0).get(out);
    } else {
      for (int y = 0; y < outH; y++) {
        dst.position((long) y * dstStride).get(row);
        System.arraycopy(row, 0, out, y * outW * 3, row.length);
      }
    }
    dst.position(0);
    return out;
  }

  @Override
  public void close() {
    swscale.sws_freeContext(ctx);
    avutil.av_free(dst.position(0));
    srcPlanes.close();
    dstPlanes.close();
    srcStrides.close();
    dstStrides.close();
  }
}

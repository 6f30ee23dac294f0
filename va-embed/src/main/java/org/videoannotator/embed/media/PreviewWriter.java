package org.videoannotator.embed.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.videoannotator.embed.model.Images;
import org.videoannotator.embed.model.Spread;

/**
 * A shot's hover preview: its sampled frames (at most {@link #MAX_FRAMES}, spread over the shot) as
 * a small silent H.264 MP4, {@value #WIDTH} px wide, {@value #FPS} frames per second. H.264 in MP4
 * is what every browser's {@code <video>} plays; at the default 2 sampled frames per second the
 * preview runs at twice real speed, a quick look at the whole shot.
 */
public final class PreviewWriter {
  public static final int WIDTH = 240;
  public static final int FPS = 4;
  public static final int MAX_FRAMES = 12;
  private static final String ENCODER = "libopenh264";

  private PreviewWriter() {}

  public static void write(List<BufferedImage> frames, Path target) throws IOException {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("a preview needs at least one frame: " + target);
    }
    BufferedImage first = frames.getFirst();
    // H.264 in 4:2:0 needs even sizes.
    int width = Math.min(WIDTH, first.getWidth()) & ~1;
    int height = Math.max(2, Math.round((float) first.getHeight() * width / first.getWidth()) & ~1);
    MediaFiles.writeAtomically(
        target, tmp -> encode(Spread.evenly(frames, MAX_FRAMES), width, height, tmp));
  }

  private static void encode(List<BufferedImage> frames, int width, int height, Path file)
      throws IOException {
    FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
    rec.setFormat("mp4");
    rec.setVideoCodecName(ENCODER);
    rec.setFrameRate(FPS);
    rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    rec.setVideoBitrate(250_000);
    rec.setGopSize(FPS * 4);
    rec.setVideoOption("allow_skip_frames", "0");
    // Playable while it downloads: the index goes first.
    rec.setOption("movflags", "+faststart");
    try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
      rec.start();
      for (BufferedImage frame : frames) {
        rec.record(
            converter.convert(toBgr(Images.resize(frame, width, height))), avutil.AV_PIX_FMT_BGR24);
      }
      rec.stop();
    } catch (FrameRecorder.Exception e) {
      throw new IOException("FFmpeg could not write preview " + file + ": " + e.getMessage(), e);
    } finally {
      rec.release();
    }
  }

  private static BufferedImage toBgr(BufferedImage rgb) {
    BufferedImage bgr =
        new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    bgr.getGraphics().drawImage(rgb, 0, 0, null);
    return bgr;
  }
}

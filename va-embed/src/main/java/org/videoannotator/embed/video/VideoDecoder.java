package org.videoannotator.embed.video;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.videoannotator.core.UserException;

/**
 * Decodes every video frame of a file once with FFmpeg (through JavaCV) and streams it to a {@link
 * FrameSink}. Audio is skipped. Frame indices count decoded frames, so variable frame rates and odd
 * timestamps cannot shift them.
 *
 * <p>FFmpeg's swscale converts each decoded picture straight to the working size (short side {@link
 * DecodeOptions#imageShortSide()}, BGR24, fast bilinear); the analysis frame is swscale's area
 * average of that, and {@link DecodedFrame#full()} copies the working picture into a {@link
 * BufferedImage} only when asked. Not thread-safe; use one decoder per thread (a decoder holds no
 * state between files).
 */
public final class VideoDecoder {
  static {
    // FFmpeg prints to stderr by default; our own messages name the file and the problem instead.
    avutil.av_log_set_level(avutil.AV_LOG_FATAL);
  }

  /** Fewer decoded frames than this share of the announced count is reported as a problem. */
  private static final double TRUNCATION_SHARE = 0.9;

  /**
   * Decodes {@code file}, calling {@code sink} for every video frame, then {@link FrameSink#end}.
   *
   * @throws UserException if the file is missing, empty, not a video or yields no frame; decode
   *     errors after the first frame end decoding early and are listed in {@link
   *     VideoInfo#problems()} instead
   */
  public VideoInfo decode(Path file, DecodeOptions opts, FrameSink sink) {
    checkReadable(file);
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
    // Fast bilinear is about twice as fast as area averaging here; the analysis frame is area
    // averaged again below, and the larger frame only feeds thumbnails and CLIP.
    grabber.setImageScalingFlags(swscale.SWS_FAST_BILINEAR);
    grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
    if (opts.threads() > 0) {
      grabber.setVideoOption("threads", Integer.toString(opts.threads()));
    }
    try {
      try {
        grabber.start(false);
      } catch (FrameGrabber.Exception | RuntimeException e) {
        throw new UserException(
            file
                + ": cannot be opened as a video ("
                + FfmpegWords.plain(e)
                + "); check that it is a"
                + " complete, playable video file",
            e);
      }
      if (!grabber.hasVideo() || grabber.getImageWidth() <= 0) {
        throw new UserException(file + ": contains no video stream; give a video file");
      }
      return decodeFrames(file, grabber, opts, sink);
    } finally {
      try {
        grabber.close();
      } catch (FrameGrabber.Exception e) {
        // closing a grabber that failed to start can itself fail; nothing left to release
      }
    }
  }

  /**
   * Frames the container announces. A file cut off after an index at its front (an MP4 with
   * "faststart") has no overall duration, so JavaCV reports 0; the video stream's own frame count
   * from the index still tells what the file should hold.
   */
  private static int announcedFrames(FFmpegFrameGrabber grabber) {
    int announced = grabber.getLengthInVideoFrames();
    if (announced > 0 || grabber.getFormatContext() == null || grabber.getVideoStream() < 0) {
      return announced;
    }
    long frames = grabber.getFormatContext().streams(grabber.getVideoStream()).nb_frames();
    return frames > 0 && frames < Integer.MAX_VALUE ? (int) frames : 0;
  }

  /** The announced duration in microseconds, from the video stream when the container has none. */
  private static long announcedMicros(FFmpegFrameGrabber grabber) {
    long micros = grabber.getLengthInTime();
    if (micros > 0 || grabber.getFormatContext() == null || grabber.getVideoStream() < 0) {
      return micros;
    }
    var stream = grabber.getFormatContext().streams(grabber.getVideoStream());
    long duration = stream.duration();
    if (duration <= 0 || stream.time_base().den() == 0) {
      return 0;
    }
    return Math.round(duration * 1e6 * stream.time_base().num() / stream.time_base().den());
  }

  private static VideoInfo decodeFrames(
      Path file, FFmpegFrameGrabber grabber, DecodeOptions opts, FrameSink sink) {
    int nativeW = grabber.getImageWidth();
    int nativeH = grabber.getImageHeight();
    int[] work = workingSize(nativeW, nativeH, opts.imageShortSide());
    grabber.setImageWidth(work[0]);
    grabber.setImageHeight(work[1]);
    try (AnalysisScaler scaler = new AnalysisScaler(work[0], work[1], opts.analysisWidth())) {
      return decodeFrames(file, grabber, opts, sink, work, scaler, nativeW, nativeH);
    }
  }

  private static VideoInfo decodeFrames(
      Path file,
      FFmpegFrameGrabber grabber,
      DecodeOptions opts,
      FrameSink sink,
      int[] work,
      AnalysisScaler scaler,
      int nativeW,
      int nativeH) {
    List<String> problems = new ArrayList<>();
    int count = 0;
    while (count < opts.maxFrames()) {
      Frame f;
      try {
        f = grabber.grabImage();
      } catch (FrameGrabber.Exception | RuntimeException e) {
        problems.add("decoding stopped after frame " + count + ": " + FfmpegWords.plain(e));
        break;
      }
      if (f == null) {
        break;
      }
      if (f.image == null || f.imageWidth != work[0] || f.imageHeight != work[1]) {
        continue;
      }
      ByteBuffer buf = (ByteBuffer) f.image[0];
      int stride = f.imageStride;
      byte[] rgb = scaler.scale(buf, stride);
      double t = f.timestamp / 1e6;
      int w = work[0];
      int h = work[1];
      DecodedFrame frame =
          new DecodedFrame(
              count,
              t,
              scaler.outWidth(),
              scaler.outHeight(),
              rgb,
              () -> toImage(buf, stride, w, h));
      sink.accept(frame);
      frame.invalidate();
      count++;
    }
    if (count == 0) {
      throw new UserException(
          file
              + ": no video frame could be decoded"
              + (problems.isEmpty() ? "" : " (" + problems.get(0) + ")")
              + "; the file is empty, truncated or corrupt");
    }
    double fps =
        grabber.getVideoFrameRate() > 0 ? grabber.getVideoFrameRate() : grabber.getFrameRate();
    int announced = announcedFrames(grabber);
    if (count < opts.maxFrames() && announced > 0 && count < TRUNCATION_SHARE * announced - 1) {
      problems.add(
          "decoded " + count + " of " + announced + " announced frames: the file may be truncated");
    }
    long lengthUs = announcedMicros(grabber);
    double decodedSeconds = fps > 0 ? count / fps : 0;
    // A cut-off file whose header survived (an MP4 with its index at the front) may announce no
    // frame count but still its full duration: compare the time decoded with it too.
    if (problems.stream().noneMatch(p -> p.contains("truncated"))
        && count < opts.maxFrames()
        && lengthUs > 0
        && fps > 0
        && decodedSeconds < TRUNCATION_SHARE * lengthUs / 1e6 - 1 / fps) {
      problems.add(
          String.format(
              Locale.ROOT,
              "decoded %.1f s of the %.1f s the file announces: the file may be truncated",
              decodedSeconds,
              lengthUs / 1e6));
    }
    double duration = lengthUs > 0 ? lengthUs / 1e6 : decodedSeconds;
    VideoInfo info =
        new VideoInfo(
            file,
            count,
            fps,
            nativeW,
            nativeH,
            duration,
            String.valueOf(grabber.getVideoCodecName()),
            String.valueOf(grabber.getFormat()),
            problems);
    sink.end(info);
    return info;
  }

  /**
   * Reads only the container header: size, rate, codec; {@code frameCount} is the announced one.
   */
  public VideoInfo probe(Path file) {
    checkReadable(file);
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      try {
        grabber.start(false);
      } catch (FrameGrabber.Exception | RuntimeException e) {
        throw new UserException(
            file
                + ": cannot be opened as a video ("
                + FfmpegWords.plain(e)
                + "); check that it is a complete, playable video file",
            e);
      }
      if (!grabber.hasVideo()) {
        throw new UserException(file + ": contains no video stream; give a video file");
      }
      double fps = grabber.getVideoFrameRate();
      return new VideoInfo(
          file,
          grabber.getLengthInVideoFrames(),
          fps,
          grabber.getImageWidth(),
          grabber.getImageHeight(),
          grabber.getLengthInTime() / 1e6,
          String.valueOf(grabber.getVideoCodecName()),
          String.valueOf(grabber.getFormat()),
          List.of());
    } catch (FrameGrabber.Exception e) {
      throw new UserException(
          file + ": cannot be closed cleanly (" + FfmpegWords.plain(e) + ")", e);
    }
  }

  private static void checkReadable(Path file) {
    if (!Files.exists(file)) {
      throw new UserException(file + ": no such file; check the path");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UserException(file + ": not a readable file; give a video file");
    }
    try {
      if (Files.size(file) == 0) {
        throw new UserException(file + ": is empty (0 bytes); give a complete video file");
      }
    } catch (IOException e) {
      throw new UserException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /** The size swscale produces: short side {@code shortSide} (0 = native), never upscaled, even. */
  static int[] workingSize(int w, int h, int shortSide) {
    int shortNative = Math.min(w, h);
    if (shortSide == 0 || shortSide >= shortNative) {
      return new int[] {w, h};
    }
    double s = (double) shortSide / shortNative;
    int ww = Math.max(2, (int) Math.round(w * s / 2) * 2);
    int hh = Math.max(2, (int) Math.round(h * s / 2) * 2);
    return new int[] {ww, hh};
  }

  private static BufferedImage toImage(ByteBuffer buf, int stride, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < h; y++) {
      buf.get(y * stride, dst, y * w * 3, w * 3);
    }
    return img;
  }

  /** Turns FFmpeg's own log on (debugging odd files). */
  public static void verboseFfmpegLog() {
    FFmpegLogCallback.set();
    avutil.av_log_set_level(avutil.AV_LOG_INFO);
  }
}

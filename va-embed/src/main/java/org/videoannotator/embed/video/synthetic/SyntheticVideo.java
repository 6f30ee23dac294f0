package org.videoannotator.embed.video.synthetic;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.videoannotator.embed.video.ShotSpan;
import org.videoannotator.embed.video.Shots;
import org.videoannotator.embed.video.Transition;

/**
 * Renders videos with an exact {@link GroundTruth}: shots of Java2D {@link Scene}s joined by cuts,
 * dissolves and fades through black, with distractor events (flashes, lighting changes, objects
 * entering, fast pans), encoded with FFmpeg in one of several {@link Format}s, plus a caption per
 * shot in an {@code .srt} next to the video.
 *
 * <p>Timeline: a shot's own frames follow the transition leading into it. A dissolve of {@code n}
 * frames shows {@code n} frames mixing the outgoing shot (still moving) with the incoming one
 * (starting), with weight {@code (j + 1) / (n + 1)} on the incoming shot, so every frame of the
 * range really mixes both. A fade of {@code n} shows {@code n} darkening frames of the outgoing
 * shot, {@link #FADE_HOLD} black frames, then {@code n} brightening frames of the incoming one; the
 * whole run is one {@link Transition.Type#FADE}.
 */
public final class SyntheticVideo {
  /** Black frames between the two halves of a fade. */
  public static final int FADE_HOLD = 2;

  /** Containers and codecs available in the bundled FFmpeg build. */
  public enum Format {
    MP4_H264("mp4", "mp4", "libopenh264"),
    MKV_H264("mkv", "matroska", "libopenh264"),
    MOV_H264("mov", "mov", "libopenh264"),
    WEBM_VP9("webm", "webm", "libvpx-vp9"),
    // MPEG-4 part 2 goes in mkv and avi: JavaCV's recorder writes it into mp4/mov without the
    // decoder configuration, so FFmpeg itself cannot tell the picture size of such files.
    MKV_MPEG4("mkv", "matroska", "mpeg4"),
    AVI_MPEG4("avi", "avi", "mpeg4");

    public final String extension;
    public final String container;
    public final String encoder;

    Format(String extension, String container, String encoder) {
      this.extension = extension;
      this.container = container;
      this.encoder = encoder;
    }
  }

  private final int width;
  private final int height;
  private final double fps;
  private final Format format;

  /**
   * @param width frame width in pixels (even)
   * @param height frame height in pixels (even)
   */
  public SyntheticVideo(int width, int height, double fps, Format format) {
    if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException(
          "size must be even and >= 16, got " + width + "x" + height);
    }
    if (!(fps > 0 && fps <= 120)) {
      throw new IllegalArgumentException("fps must be in (0, 120], got " + fps);
    }
    this.width = width;
    this.height = height;
    this.fps = fps;
    this.format = format;
  }

  /** The same size and rate in another format. */
  public SyntheticVideo in(Format other) {
    return new SyntheticVideo(width, height, fps, other);
  }

  /** {@code dir/name.ext} for this format. */
  public Path fileIn(Path dir, String name) {
    return dir.resolve(name + "." + format.extension);
  }

  /**
   * Renders and encodes {@code plan} into {@code video}, writes the captions to the {@code .srt}
   * beside it (same base name) and returns the truth.
   */
  public GroundTruth render(List<ShotPlan> plan, Path video) {
    if (plan.isEmpty()) {
      throw new IllegalArgumentException("a video needs at least one shot");
    }
    try (Timeline timeline = new Timeline(plan, width, height, fps)) {
      GroundTruth truth = timeline.truth(fps);
      Files.createDirectories(video.toAbsolutePath().getParent());
      encode(timeline, video);
      writeSrt(truth, srtFor(video));
      return truth;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + video, e);
    }
  }

  /** The {@code .srt} that {@link #render} writes next to {@code video}. */
  public static Path srtFor(Path video) {
    String name = video.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return video.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".srt");
  }

  private void encode(Timeline timeline, Path video) throws IOException {
    FFmpegFrameRecorder rec = new FFmpegFrameRecorder(video.toFile(), width, height, 0);
    rec.setFormat(format.container);
    rec.setVideoCodecName(format.encoder);
    rec.setFrameRate(fps);
    rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    rec.setGopSize((int) Math.round(fps * 2));
    rec.setVideoBitrate((int) Math.min(20_000_000, width * (long) height * fps / 4));
    switch (format.encoder) {
      case "mpeg4" -> rec.setVideoQuality(3);
      case "libvpx-vp9" -> {
        rec.setVideoOption("deadline", "realtime");
        rec.setVideoOption("cpu-used", "8");
        rec.setVideoOption("row-mt", "1");
      }
      default -> rec.setVideoOption("allow_skip_frames", "0");
    }
    BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    BufferedImage bgr = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    try (Java2DFrameConverter conv = new Java2DFrameConverter()) {
      rec.start();
      for (int i = 0; i < timeline.frameCount(); i++) {
        timeline.renderFrame(i, canvas, width, height);
        toBgr(canvas, bgr);
        Frame f = conv.convert(bgr);
        rec.record(f, avutil.AV_PIX_FMT_BGR24);
      }
      rec.stop();
    } catch (FrameRecorder.Exception e) {
      throw new IOException(
          "FFmpeg could not encode " + video + " as " + format + ": " + e.getMessage(), e);
    } finally {
      rec.release();
    }
  }

  private static void toBgr(BufferedImage rgb, BufferedImage bgr) {
    int w = rgb.getWidth();
    int[] px = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    byte[] out = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
    for (int i = 0, o = 0; i < px.length; i++, o += 3) {
      int p = px[i];
      out[o] = (byte) p;
      out[o + 1] = (byte) (p >> 8);
      out[o + 2] = (byte) (p >> 16);
    }
    if (w == 0) {
      throw new IllegalStateException("empty image");
    }
  }

  private static void writeSrt(GroundTruth truth, Path srt) throws IOException {
    StringBuilder b = new StringBuilder();
    for (ShotSpan s : truth.shots()) {
      b.append(s.index() + 1)
          .append('\n')
          .append(srtTime(s.first() / truth.fps()))
          .append(" --> ")
          .append(srtTime((s.last() + 1) / truth.fps()))
          .append('\n')
          .append(truth.captions().get(s.index()))
          .append("\n\n");
    }
    Files.writeString(srt, b.toString(), StandardCharsets.UTF_8);
  }

  private static String srtTime(double sec) {
    long ms = Math.round(sec * 1000);
    return String.format(
        Locale.ROOT,
        "%02d:%02d:%02d,%03d",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000);
  }

  /** Where each output frame comes from, and the truth that follows. */
  private static final class Timeline implements AutoCloseable {
    private final List<ShotPlan> plan;

    /** For each output frame: shot A, its local time, shot B (or -1), its local time, mix. */
    private final List<int[]> sources = new ArrayList<>();

    private final List<Double> mix = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    private final List<GroundTruth.Distractor> distractors = new ArrayList<>();
    private final ShotSource[] renderers;

    /** Local time of each shot's first own frame (after the transition leading into it). */
    private final int[] localStart;

    private BufferedImage scratch;

    Timeline(List<ShotPlan> plan, int width, int height, double fps) {
      this.plan = List.copyOf(plan);
      this.renderers = new ShotSource[plan.size()];
      this.localStart = new int[plan.size()];
      for (int k = 0; k < plan.size(); k++) {
        ShotPlan shot = plan.get(k);
        renderers[k] =
            shot.texture() == null
                ? new SceneRenderer(shot.scene())
                : new LavfiSource(shot.texture(), width, height, fps);
        if (k > 0) {
          localStart[k] = addEntry(k, shot.entry());
        }
        int first = sources.size();
        for (int t = 0; t < shot.frames(); t++) {
          add(k, localStart[k] + t, -1, 0, 0.0);
        }
        addDistractors(shot, first);
      }
    }

    /** Appends the transition into shot {@code k}; returns shot k's local time afterwards. */
    private int addEntry(int k, ShotPlan.Entry entry) {
      int start = sources.size();
      int prevLocal = sources.get(start - 1)[1];
      int n = entry.frames();
      switch (entry.kind()) {
        case CUT -> {
          transitions.add(Transition.cut(start));
          return 0;
        }
        case DISSOLVE -> {
          for (int j = 0; j < n; j++) {
            add(k - 1, prevLocal + 1 + j, k, j, (j + 1.0) / (n + 1));
          }
          transitions.add(Transition.dissolve(start, start + n - 1));
          return n;
        }
        default -> {
          for (int j = 0; j < n; j++) {
            add(k - 1, prevLocal + 1 + j, -1, 0, -(1 - (j + 1.0) / (n + 1)));
          }
          for (int j = 0; j < FADE_HOLD; j++) {
            add(k, 0, -1, 0, -0.0);
          }
          for (int j = 0; j < n; j++) {
            add(k, j, -1, 0, -((j + 1.0) / (n + 1)));
          }
          transitions.add(Transition.fade(start, start + 2 * n + FADE_HOLD - 1));
          return n;
        }
      }
    }

    /** mix > 0: blend toward shot B; mix < 0 (or -0.0): shot A scaled by |mix| (fade). */
    private void add(int shotA, int tA, int shotB, int tB, double m) {
      sources.add(new int[] {shotA, tA, shotB, tB});
      mix.add(m);
    }

    private void addDistractors(ShotPlan shot, int first) {
      for (ShotPlan.Event e : shot.events()) {
        GroundTruth.Distractor.Kind kind =
            switch (e.kind()) {
              case FLASH, DECAYING_FLASH -> GroundTruth.Distractor.Kind.FLASH;
              case LIGHTING -> GroundTruth.Distractor.Kind.LIGHTING;
              case OBJECT_ENTERS -> GroundTruth.Distractor.Kind.OBJECT_ENTERS;
              case NOISE, SPARKLE -> GroundTruth.Distractor.Kind.BUSY;
            };
        int decay = e.kind() == ShotPlan.Event.Kind.DECAYING_FLASH ? Pixels.FLASH_DECAY : 0;
        distractors.add(
            new GroundTruth.Distractor(
                kind, first + e.at(), first + e.at() + e.frames() + decay - 1));
      }
      if (shot.texture() != null && shot.texture().kind().busy) {
        distractors.add(
            new GroundTruth.Distractor(
                GroundTruth.Distractor.Kind.BUSY, first, first + shot.frames() - 1));
      }
      if (shot.texture() == null && shot.scene().camera() == Scene.Camera.FAST_PAN) {
        distractors.add(
            new GroundTruth.Distractor(
                GroundTruth.Distractor.Kind.FAST_PAN, first, first + shot.frames() - 1));
      }
    }

    int frameCount() {
      return sources.size();
    }

    /** Closes every shot's source (FFmpeg grabbers of textures), as each may be open. */
    @Override
    public void close() {
      for (ShotSource r : renderers) {
        r.close();
      }
    }

    GroundTruth truth(double fps) {
      List<ShotSpan> shots = Shots.fromTransitions(frameCount(), transitions);
      List<String> captions = new ArrayList<>();
      for (int k = 0; k < shots.size(); k++) {
        captions.add(plan.get(k).caption());
      }
      return new GroundTruth(frameCount(), fps, transitions, shots, captions, distractors);
    }

    void renderFrame(int i, BufferedImage out, int width, int height) {
      int[] s = sources.get(i);
      double m = mix.get(i);
      drawShot(s[0], s[1], out);
      if (s[2] >= 0) {
        if (scratch == null) {
          scratch = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        }
        drawShot(s[2], s[3], scratch);
        Pixels.blend(out, scratch, m);
      } else if (Double.doubleToRawLongBits(m) != 0L) {
        Pixels.scale(out, -m);
      }
    }

    /** Draws shot k at local time t, including its events (timed from its first own frame). */
    private void drawShot(int k, int t, BufferedImage out) {
      renderers[k].draw(out, t);
      for (ShotPlan.Event e : plan.get(k).events()) {
        Pixels.applyEvent(
            out,
            e,
            t - localStart[k],
            plan.get(k).scene().palette().night(),
            plan.get(k).scene().seed());
      }
    }
  }
}

package org.videoannotator.bench.video;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.BenchSubcommand;
import org.videoannotator.core.Json;
import org.videoannotator.core.Progress;
import org.videoannotator.core.Settings;
import org.videoannotator.core.UserException;
import org.videoannotator.embed.video.AsyncFrameSink;
import org.videoannotator.embed.video.BoundaryScore;
import org.videoannotator.embed.video.DecodeOptions;
import org.videoannotator.embed.video.DecodedFrame;
import org.videoannotator.embed.video.FrameSink;
import org.videoannotator.embed.video.Transition;
import org.videoannotator.embed.video.VideoDecoder;
import org.videoannotator.embed.video.shots.ShotDetector;
import org.videoannotator.embed.video.synthetic.GroundTruth;
import org.videoannotator.embed.video.synthetic.ShotPlan;
import org.videoannotator.embed.video.synthetic.SyntheticScripts;
import org.videoannotator.embed.video.synthetic.SyntheticVideo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code va bench decode}: renders H.264 test files, then in one run measures (1) decode and decode
 * + shot detection speed against a plain JavaCV grab loop and the {@code ffmpeg} CLI (when
 * installed) on the same files, and (2) boundary precision / recall / F1 per transition kind of our
 * detector against FFmpeg's scene filter and PySceneDetect-style detectors on a rendered set with
 * exact truth. Prints a table and writes every figure to {@code DIR/bench-decode.json}.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark decoding and shot detection: speed and boundary quality against peers.",
      "",
      "Decode + shot detection speed (fps, x real time, ratio to a plain decode loop and ffmpeg)",
      "and shot boundary P/R/F1 against ffmpeg's scene filter and PySceneDetect-style detectors."
    })
public final class BenchDecodeCommand implements BenchSubcommand, Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(BenchDecodeCommand.class);
  private static final int FPS = 25;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = "bench-decode",
      description = "Where test videos and results go (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--seconds",
      defaultValue = "10",
      description = "Length of each speed test video (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "320x240,1280x720,1920x1080",
      description = "Speed test frame sizes (default: ${DEFAULT-VALUE}).")
  List<String> sizes;

  @Option(
      names = "--quality-videos",
      defaultValue = "6",
      description =
          "Random challenge videos (20 shots each) besides the 3-video transition suite"
              + " (default: ${DEFAULT-VALUE}).")
  int qualityVideos;

  @Option(
      names = "--hard-videos",
      defaultValue = "12",
      description =
          "Videos of the hard mix (SyntheticScripts.hard, 16 shots each): the even ones"
              + " tune, the odd ones are held out, at 240p to 720p in every codec"
              + " (default: ${DEFAULT-VALUE}).")
  int hardVideos;

  @Option(
      names = "--texture-videos",
      defaultValue = "12",
      description =
          "Videos of FFmpeg lavfi textures, still reframes and traps"
              + " (SyntheticScripts.textured, 16 shots each): the even ones tune, the odd ones are"
              + " held out (default: ${DEFAULT-VALUE}).")
  int textureVideos;

  @Option(
      names = "--reuse-videos",
      description =
          "Reuse quality videos and truth already in DIR from an earlier run with the"
              + " same renderer, instead of rendering them again.")
  boolean reuseVideos;

  @Option(
      names = "--scene-threshold",
      defaultValue = "0.3",
      description = "Threshold of ffmpeg's select='gt(scene,T)' peer (default: ${DEFAULT-VALUE}).")
  double sceneThreshold;

  @Option(
      names = "--repeat",
      defaultValue = "3",
      description =
          "Timed runs per measurement; the fastest counts, as the least disturbed by"
              + " other load (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--skip-speed", description = "Only measure detection quality.")
  boolean skipSpeed;

  @Option(names = "--skip-quality", description = "Only measure speed.")
  boolean skipQuality;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (seconds < 1 || qualityVideos < 0 || hardVideos < 0 || textureVideos < 0 || repeat < 1) {
      throw new UserException(
          "--seconds and --repeat must be >= 1 and --quality-videos >= 0,"
              + " got "
              + seconds
              + ", "
              + repeat
              + " and "
              + qualityVideos);
    }
    Settings.log(
        LOG,
        "va bench decode",
        "dir",
        dir,
        "seconds",
        seconds,
        "sizes",
        sizes,
        "qualityVideos",
        qualityVideos,
        "sceneThreshold",
        sceneThreshold,
        "repeat",
        repeat,
        "cores",
        Runtime.getRuntime().availableProcessors());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UserException("cannot create " + dir + ": " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> results = new LinkedHashMap<>();
    if (!skipSpeed) {
      results.put("speed", speed(out));
    }
    if (!skipQuality) {
      results.put("quality", quality(out));
      Map<String, List<ShotPlan>> tuning = new LinkedHashMap<>();
      Map<String, List<ShotPlan>> heldOut = new LinkedHashMap<>();
      for (int k = 0; k < hardVideos; k++) {
        (k % 2 == 0 ? tuning : heldOut).put("hard" + k, SyntheticScripts.hard(301 + k, 16, FPS));
      }
      if (!tuning.isEmpty()) {
        results.put(
            "hardTuning",
            qualityTable(
                "hard mix, tuning half", tuning, new int[][] {{320, 180}, {640, 360}}, out));
      }
      if (!heldOut.isEmpty()) {
        results.put(
            "hardHeldOut",
            qualityTable(
                "hard mix, held out (never tuned on)",
                heldOut,
                new int[][] {{426, 240}, {640, 360}, {1280, 720}},
                out));
      }
      Map<String, List<ShotPlan>> textureTuning = new LinkedHashMap<>();
      Map<String, List<ShotPlan>> textureHeldOut = new LinkedHashMap<>();
      for (int k = 0; k < textureVideos; k++) {
        (k % 2 == 0 ? textureTuning : textureHeldOut)
            .put("texture" + k, SyntheticScripts.textured(501 + k, 16, FPS));
      }
      if (!textureTuning.isEmpty()) {
        results.put(
            "textureTuning",
            qualityTable(
                "lavfi textures, reframes and traps, tuning half",
                textureTuning,
                new int[][] {{320, 180}, {640, 360}},
                out));
      }
      if (!textureHeldOut.isEmpty()) {
        results.put(
            "textureHeldOut",
            qualityTable(
                "lavfi textures, reframes and traps, held out" + " (never tuned on)",
                textureHeldOut,
                new int[][] {{426, 240}, {640, 360}, {1280, 720}},
                out));
      }
    }
    Path json = dir.resolve("bench-decode.json");
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), results);
    out.println("figures written to " + json);
    out.flush();
    return 0;
  }

  private List<Map<String, Object>> speed(PrintWriter out) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    try (Progress p = Progress.start("render speed videos", sizes.size(), "videos")) {
      for (String size : sizes) {
        int[] wh = parseSize(size);
        Path file = dir.resolve("speed-" + size + ".mp4");
        if (!Files.exists(file)) {
          new SyntheticVideo(wh[0], wh[1], FPS, SyntheticVideo.Format.MP4_H264)
              .render(planOfLength(seconds * FPS), file);
        }
        files.add(file);
        p.step();
      }
    }
    boolean cli = ffmpegOnPath();
    // warm-up: loads the natives and compiles the hot loops before anything is timed
    new VideoDecoder().decode(files.get(0), DecodeOptions.defaults(), new ShotDetector().sink());
    out.printf(
        "%n%-10s %7s | %-22s | %-22s | %-22s | %-22s | %-11s | %-29s | %s%n",
        "size",
        "frames",
        "plain JavaCV grab loop",
        "VideoDecoder (decode)",
        "decode + detect, 1 thr",
        "decode + detect, 2 thr",
        "ffmpeg CLI",
        "best detect / plain, / ffmpeg",
        "detection alone, CPU per frame");
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      double[] plain = timed(() -> plainLoop(f));
      double[] decode =
          timed(() -> new VideoDecoder().decode(f, DecodeOptions.defaults(), x -> {}).frameCount());
      double[] detect =
          timed(
              () -> {
                ShotDetector d = new ShotDetector();
                int n =
                    new VideoDecoder().decode(f, DecodeOptions.defaults(), d.sink()).frameCount();
                d.finish();
                return n;
              });
      double[] pipelined =
          timed(
              () -> {
                ShotDetector d = new ShotDetector();
                AsyncFrameSink async = new AsyncFrameSink(d.sink(), 32);
                int n = new VideoDecoder().decode(f, DecodeOptions.defaults(), async).frameCount();
                d.finish();
                return n;
              });
      double[] ffmpeg = cli ? timed(() -> ffmpegCli(f, (int) plain[0])) : null;
      double best = Math.max(detect[1], pipelined[1]);
      double detectionMs = detectionCpuMs(f);
      out.printf(
          Locale.ROOT,
          "%-10s %7d | %s | %s | %s | %s | %-11s | %-29s | %.3f ms (%.0f fps, 1 core)%n",
          sizes.get(i),
          (int) detect[0],
          rate(plain),
          rate(decode),
          rate(detect),
          rate(pipelined),
          ffmpeg == null ? "not found" : String.format(Locale.ROOT, "%5.0f fps", ffmpeg[1]),
          String.format(
              Locale.ROOT,
              "%.2f, %s",
              best / plain[1],
              ffmpeg == null ? "-" : String.format(Locale.ROOT, "%.2f", best / ffmpeg[1])),
          detectionMs,
          1000 / detectionMs);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("size", sizes.get(i));
      row.put("frames", (int) detect[0]);
      row.put("plainGrabFps", plain[1]);
      row.put("decodeFps", decode[1]);
      row.put("decodeDetectFps", detect[1]);
      row.put("decodeDetectPipelinedFps", pipelined[1]);
      row.put("bestDetectRealTime", best / FPS);
      row.put("ffmpegCliFps", ffmpeg == null ? null : ffmpeg[1]);
      row.put("bestDetectOverPlain", best / plain[1]);
      row.put("bestDetectOverFfmpegCli", ffmpeg == null ? null : best / ffmpeg[1]);
      row.put("detectionCpuMsPerFrame", detectionMs);
      rows.add(row);
    }
    return rows;
  }

  /**
   * CPU milliseconds per frame of shot detection alone (features, signals and rules, no decoding),
   * the least of {@code repeat} runs over the file's frames held in memory: thread CPU time, so
   * other load on the machine disturbs it far less than wall-clock rates.
   */
  private double detectionCpuMs(Path f) {
    List<DecodedFrame> frames = new ArrayList<>();
    new VideoDecoder().decode(f, DecodeOptions.defaults(), frames::add);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double best = Double.MAX_VALUE;
    for (int r = 0; r < repeat; r++) {
      long t0 = mx.getCurrentThreadCpuTime();
      ShotDetector d = new ShotDetector();
      frames.forEach(d::accept);
      d.finish();
      best = Math.min(best, (mx.getCurrentThreadCpuTime() - t0) / 1e6 / frames.size());
    }
    return best;
  }

  private static String rate(double[] r) {
    return String.format(Locale.ROOT, "%6.0f fps %6.1fx rt", r[1], r[1] / FPS);
  }

  /** A challenge plan cut to about {@code frames} frames. */
  private static List<ShotPlan> planOfLength(int frames) {
    List<ShotPlan> plan = new ArrayList<>();
    int total = 0;
    for (ShotPlan s : SyntheticScripts.challenge(42, 200, FPS)) {
      if (total >= frames) {
        break;
      }
      plan.add(s);
      total +=
          s.frames() + s.entry().frames() * (s.entry().kind() == ShotPlan.Entry.Kind.FADE ? 2 : 1);
    }
    return plan;
  }

  private interface FrameCounter {
    int run() throws Exception;
  }

  /** {frames, frames per second} of the fastest of {@code repeat} runs. */
  private double[] timed(FrameCounter c) throws Exception {
    double[] best = {0, 0};
    for (int r = 0; r < repeat; r++) {
      long t0 = System.nanoTime();
      int n = c.run();
      double fps = n / ((System.nanoTime() - t0) / 1e9);
      if (fps > best[1]) {
        best = new double[] {n, fps};
      }
    }
    return best;
  }

  private static int plainLoop(Path f) throws Exception {
    int n = 0;
    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(f.toFile())) {
      g.setVideoOption("threads", "2");
      g.start(false);
      while (g.grabImage() != null) {
        n++;
      }
    }
    return n;
  }

  private static boolean ffmpegOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, "ffmpeg"))) {
        return true;
      }
    }
    return false;
  }

  private static int ffmpegCli(Path f, int frames) throws Exception {
    Process p =
        new ProcessBuilder(
                "ffmpeg", "-v", "error", "-threads", "2", "-i", f.toString(), "-f", "null", "-")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().transferTo(OutputStream.nullOutputStream());
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("ffmpeg failed on " + f);
    }
    return frames;
  }

  private Map<String, Object> quality(PrintWriter out) throws Exception {
    Map<String, List<ShotPlan>> plans =
        new LinkedHashMap<>(SyntheticScripts.transitionSuite(101, FPS));
    for (int k = 0; k < qualityVideos; k++) {
      plans.put("challenge" + k, SyntheticScripts.challenge(201 + k, 20, FPS));
    }
    return qualityTable("transition suite and challenge mix", plans, new int[][] {{320, 180}}, out);
  }

  /**
   * Renders {@code plans} (sizes and formats in turn), runs every detector on each and prints one
   * table: precision, recall and F1 of hard cuts and of gradual transitions, boundaries reported
   * inside distractors, and inside flashes alone.
   */
  private Map<String, Object> qualityTable(
      String title, Map<String, List<ShotPlan>> plans, int[][] frameSizes, PrintWriter out)
      throws Exception {
    SyntheticVideo.Format[] formats = SyntheticVideo.Format.values();
    String[] names = {
      "ours",
      "ffmpeg scene>" + sceneThreshold,
      "pyscenedetect-content",
      "pyscenedetect-adaptive",
      "pyscenedetect-histogram"
    };
    BoundaryScore[] totals = new BoundaryScore[names.length];
    int[] falseAtDistractors = new int[names.length];
    int[] falseAtFlashes = new int[names.length];
    Arrays.fill(totals, BoundaryScore.EMPTY);
    int k = 0;
    int frames = 0;
    MaterialBreakdown breakdown = new MaterialBreakdown();
    try (Progress p = Progress.start("quality videos", plans.size(), "videos")) {
      for (Map.Entry<String, List<ShotPlan>> e : plans.entrySet()) {
        int[] size = frameSizes[k % frameSizes.length];
        SyntheticVideo sv =
            new SyntheticVideo(size[0], size[1], FPS, formats[k++ % formats.length]);
        Path file = sv.fileIn(dir, "quality-" + e.getKey());
        Path truthFile = dir.resolve("quality-" + e.getKey() + ".truth.json");
        GroundTruth truth;
        if (reuseVideos && Files.exists(file) && Files.exists(truthFile)) {
          truth = GroundTruth.read(truthFile);
        } else {
          truth = sv.render(e.getValue(), file);
          truth.write(truthFile);
        }
        frames += truth.frameCount();
        ShotDetector ours = new ShotDetector();
        PySceneDetectStyle content = new PySceneDetectStyle(PySceneDetectStyle.Kind.CONTENT);
        PySceneDetectStyle adaptive = new PySceneDetectStyle(PySceneDetectStyle.Kind.ADAPTIVE);
        PySceneDetectStyle histogram = new PySceneDetectStyle(PySceneDetectStyle.Kind.HISTOGRAM);
        new VideoDecoder()
            .decode(
                file,
                DecodeOptions.defaults(),
                FrameSink.tee(ours.sink(), content, adaptive, histogram));
        List<List<Transition>> found =
            List.of(
                ours.finish(),
                FfmpegSceneFilter.cuts(file, sceneThreshold),
                content.cuts(),
                adaptive.cuts(),
                histogram.cuts());
        breakdown.add(e.getValue(), truth, found.get(0));
        for (int d = 0; d < names.length; d++) {
          totals[d] = totals[d].plus(BoundaryScore.of(truth.transitions(), found.get(d)));
          falseAtDistractors[d] +=
              BoundaryScore.falseInside(truth.transitions(), found.get(d), truth.distractors())
                  .size();
          falseAtFlashes[d] +=
              BoundaryScore.falseInside(
                      truth.transitions(),
                      found.get(d),
                      truth.distractors().stream()
                          .filter(x -> x.kind() == GroundTruth.Distractor.Kind.FLASH)
                          .toList())
                  .size();
        }
        p.step();
      }
    }
    String sizes =
        Arrays.stream(frameSizes).map(wh -> wh[0] + "x" + wh[1]).collect(Collectors.joining(", "));
    out.printf(
        "%nshot boundaries, %s: %d rendered videos (%d frames, %s, %d formats)%n",
        title, plans.size(), frames, sizes, Math.min(plans.size(), formats.length));
    out.printf(
        "%-26s | %-34s | %-34s | %-7s | %s%n",
        "detector",
        "hard cuts P / R / F1",
        "gradual P / R / F1",
        "all F1",
        "false at distractors (flashes)");
    Map<String, Object> rows = new LinkedHashMap<>();
    for (int d = 0; d < names.length; d++) {
      BoundaryScore s = totals[d];
      out.printf(
          Locale.ROOT,
          "%-26s | %s | %s | %.3f   | %d (%d)%n",
          names[d],
          prf(s.cuts()),
          prf(s.gradual()),
          s.all().f1(),
          falseAtDistractors[d],
          falseAtFlashes[d]);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("cuts", counts(s.cuts()));
      row.put("gradual", counts(s.gradual()));
      row.put("allF1", s.all().f1());
      row.put("falseAtDistractors", falseAtDistractors[d]);
      row.put("falseAtFlashes", falseAtFlashes[d]);
      rows.put(names[d], row);
    }
    out.print(breakdown.table());
    rows.put("oursByMaterial", breakdown.toMap());
    return rows;
  }

  private static String prf(BoundaryScore.Counts c) {
    return String.format(
        Locale.ROOT,
        "%.3f / %.3f / %.3f (%3d/%3d)",
        c.precision(),
        c.recall(),
        c.f1(),
        c.truthFound(),
        c.truth());
  }

  private static Map<String, Object> counts(BoundaryScore.Counts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("precision", c.precision());
    m.put("recall", c.recall());
    m.put("f1", c.f1());
    m.put("truth", c.truth());
    m.put("detected", c.detected());
    return m;
  }

  private static int[] parseSize(String s) {
    String[] p = s.toLowerCase(Locale.ROOT).split("x");
    try {
      int w = Integer.parseInt(p[0].trim());
      int h = Integer.parseInt(p[1].trim());
      if (w < 16 || h < 16 || w % 2 != 0 || h % 2 != 0) {
        throw new NumberFormatException();
      }
      return new int[] {w, h};
    } catch (RuntimeException e) {
      throw new UserException("--sizes: '" + s + "' is not WIDTHxHEIGHT with even sizes >= 16");
    }
  }
}

package org.videoannotator.embed.video.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Json;
import org.videoannotator.core.Progress;
import org.videoannotator.core.Settings;
import org.videoannotator.core.UserException;
import org.videoannotator.core.VaSubcommand;
import org.videoannotator.embed.video.AsyncFrameSink;
import org.videoannotator.embed.video.DecodeOptions;
import org.videoannotator.embed.video.FrameSink;
import org.videoannotator.embed.video.ShotSpan;
import org.videoannotator.embed.video.Shots;
import org.videoannotator.embed.video.Transition;
import org.videoannotator.embed.video.VideoDecoder;
import org.videoannotator.embed.video.VideoInfo;
import org.videoannotator.embed.video.shots.ShotDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code va shots VIDEO... [--json]}: shot boundaries of each video. With {@code --json} prints
 * {@code {"file": [boundaries]}} where a hard cut is the 0-based index of the first frame of the
 * new shot and a gradual transition is {@code {"start", "end", "type"}} (inclusive frame range). A
 * file that cannot be decoded is reported on stderr and the others still print; the exit status is
 * 1 if any file failed.
 */
@Command(
    name = "shots",
    mixinStandardHelpOptions = true,
    description = {
      "Detects shot boundaries (hard cuts, dissolves, fades) in video files.",
      "Frame indices count decoded video frames from 0; a cut is the first frame of the new shot."
    })
public final class ShotsCommand implements VaSubcommand, Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ShotsCommand.class);

  @Parameters(arity = "1..*", paramLabel = "VIDEO", description = "Video files.")
  List<Path> videos;

  @Option(names = "--json", description = "Print {file: [boundaries]} as JSON.")
  boolean json;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "FFmpeg decoder threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--threshold",
      defaultValue = "0.42",
      description = "Minimum cut score of a hard cut, 0..1 (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--min-shot",
      defaultValue = "3",
      description = "Shortest shot in frames between two cuts (default: ${DEFAULT-VALUE}).")
  int minShot;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ShotDetector.Config config;
    DecodeOptions opts;
    try {
      config =
          new ShotDetector.Config(
              threshold, ShotDetector.Config.defaults().adaptiveMargin(), minShot);
      opts = DecodeOptions.defaults().withThreads(threads);
    } catch (IllegalArgumentException e) {
      throw new UserException("bad option: " + e.getMessage());
    }
    Settings.log(
        LOG,
        "va shots",
        "videos",
        videos.size(),
        "threshold",
        threshold,
        "minShot",
        minShot,
        "threads",
        threads,
        "json",
        json);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, List<Object>> result = new LinkedHashMap<>();
    int failed = 0;
    VideoDecoder decoder = new VideoDecoder();
    try (Progress progress = Progress.start("shots", -1, "frames")) {
      for (Path video : videos) {
        ShotDetector detector = new ShotDetector(config);
        AsyncFrameSink detecting = new AsyncFrameSink(detector.sink(), 32);
        FrameSink counting = FrameSink.tee(detecting, f -> progress.step());
        try {
          progress.extraMessage(video.getFileName().toString());
          VideoInfo info = decoder.decode(video, opts, counting);
          List<Transition> found = detector.finish();
          for (String problem : info.problems()) {
            err.println("va: " + video + ": " + problem);
          }
          List<Object> values = new ArrayList<>();
          found.forEach(t -> values.add(t.toJsonValue()));
          result.put(video.toString(), values);
          if (!json) {
            printHuman(out, info, found);
          }
        } catch (UserException e) {
          err.println("va: " + e.getMessage());
          failed++;
        } finally {
          detecting.finish();
        }
      }
    }
    if (json) {
      try {
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write JSON", e);
      }
    }
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  private static void printHuman(PrintWriter out, VideoInfo info, List<Transition> found) {
    List<ShotSpan> shots = Shots.fromTransitions(info.frameCount(), found);
    long cuts = found.stream().filter(Transition::isCut).count();
    out.printf(
        "%s: %d frames at %.3f fps (%s, %dx%d), %d shots, %d cuts, %d gradual%n",
        info.path(),
        info.frameCount(),
        info.fps(),
        info.codec(),
        info.width(),
        info.height(),
        shots.size(),
        cuts,
        found.size() - cuts);
    for (Transition t : found) {
      out.println("  " + t);
    }
  }
}

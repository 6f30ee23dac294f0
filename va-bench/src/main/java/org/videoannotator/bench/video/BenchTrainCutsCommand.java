package org.videoannotator.bench.video;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.videoannotator.core.BenchSubcommand;
import org.videoannotator.core.Progress;
import org.videoannotator.core.UserException;
import org.videoannotator.embed.video.shots.CutTraining;
import org.videoannotator.embed.video.synthetic.GroundTruth;
import org.videoannotator.embed.video.synthetic.ShotPlan;
import org.videoannotator.embed.video.synthetic.SyntheticScripts;
import org.videoannotator.embed.video.synthetic.SyntheticVideo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code va bench train-cuts}: renders the tuning material of {@code va bench decode} (never its
 * held-out halves) and fits the shot detector's cut classifier on it. The committed weights are
 * {@code va-embed/src/main/resources/org/videoannotator/embed/video/shots/cut-classifier.json}.
 */
@Command(
    name = "train-cuts",
    mixinStandardHelpOptions = true,
    description = {
      "Train the shot detector's cut classifier on rendered footage (tuning material only).",
      "",
      "Writes logistic-regression weights over the documented cut features to --out."
    })
public final class BenchTrainCutsCommand implements BenchSubcommand, Callable<Integer> {
  private static final int FPS = 25;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = "train-cuts",
      description =
          "Where the rendered training videos go; videos already there are reused"
              + " (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      required = true,
      description = "Where to write the model JSON.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UserException("cannot create " + dir + ": " + e.getMessage());
    }
    // The tuning material of `va bench decode`: suites 1 and 7, challenges 1-6, and the even
    // (tuning) halves of the hard and texture mixes. The held-out seeds are never rendered here.
    Map<String, List<ShotPlan>> plans = new LinkedHashMap<>();
    for (long seed : new long[] {1, 7}) {
      SyntheticScripts.transitionSuite(seed, FPS)
          .forEach((k, v) -> plans.put("suite" + seed + k, v));
    }
    for (int k = 1; k <= 6; k++) {
      plans.put("challenge" + k, SyntheticScripts.challenge(k, 20, FPS));
    }
    for (int k = 0; k < 12; k += 2) {
      plans.put("hard" + k, SyntheticScripts.hard(301 + k, 16, FPS));
      plans.put("texture" + k, SyntheticScripts.textured(501 + k, 16, FPS));
    }
    int[][] sizes = {{320, 180}, {640, 360}};
    SyntheticVideo.Format[] formats = SyntheticVideo.Format.values();
    List<CutTraining.Video> videos = new ArrayList<>();
    int i = 0;
    try (Progress p = Progress.start("render training videos", plans.size(), "videos")) {
      for (Map.Entry<String, List<ShotPlan>> e : plans.entrySet()) {
        int[] size = sizes[i % sizes.length];
        SyntheticVideo sv =
            new SyntheticVideo(size[0], size[1], FPS, formats[i++ % formats.length]);
        Path file = sv.fileIn(dir, e.getKey());
        Path truthFile = dir.resolve(e.getKey() + ".truth.json");
        GroundTruth truth;
        if (Files.exists(file) && Files.exists(truthFile)) {
          truth = GroundTruth.read(truthFile);
        } else {
          truth = sv.render(e.getValue(), file);
          truth.write(truthFile);
        }
        videos.add(new CutTraining.Video(file, truth));
        p.step();
      }
    }
    PrintWriter log = spec.commandLine().getOut();
    CutTraining.train(
        videos,
        "va bench train-cuts: "
            + String.join(", ", plans.keySet())
            + " (320x180 and 640x360, every format in turn, 25 fps)",
        out,
        log);
    return 0;
  }
}

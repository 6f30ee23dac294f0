package org.videoannotator.experiments.cli;

import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Settings;
import org.videoannotator.core.UserException;
import org.videoannotator.experiments.ResultFiles;
import org.videoannotator.experiments.exp2.Exp2Result;
import org.videoannotator.experiments.exp2.Exp2Runner;
import org.videoannotator.experiments.exp2.Processes;
import org.videoannotator.experiments.protocol.ReplayData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code va replay exp2}: Experiment 2 of the paper, one decision process. */
@Command(
    name = "exp2",
    mixinStandardHelpOptions = true,
    description = {
      "Experiment 2: a decision process picks, batch after batch, the source of the next annotations.",
      "Defaults are the paper notebook's settings (exp2.ipynb: d=25, _seed_base=1, n=40); the reference classes' own "
          + "defaults are d=50, _seed_base=0: --batch 50 --seed 0 --steps 10 replays those."
    })
final class Exp2Command implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(Exp2Command.class);

  @Mixin DataOptions io;

  @Option(
      names = "--process",
      required = true,
      description =
          "round-robin, random, greedy-oracle, eps-greedy-{mean,last,ewma}, ucb-{mean,ewma,last}, "
              + "exp3-{mean,last,ewma}; also the reference's class names and rr, greedy, eps0.25, ucb, ucb.1.")
  String process;

  @Option(
      names = "--steps",
      defaultValue = "40",
      description = "Steps (default: ${DEFAULT-VALUE}, the notebook's n).")
  int steps;

  @Option(
      names = "--batch",
      defaultValue = "25",
      description =
          "Annotations per step (default: ${DEFAULT-VALUE}, the notebook's d; the reference class default is 50).")
  int batch;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description =
          "Seed base: step i draws with seed+i; also seeds the split (default: ${DEFAULT-VALUE}, the notebook's _seed_base; the reference class default is 0).")
  int seed;

  @Option(
      names = "--epsilon",
      defaultValue = "0.2",
      description = "Epsilon-greedy's epsilon (default: ${DEFAULT-VALUE}).")
  double epsilon;

  @Option(
      names = "--c",
      defaultValue = "0.01",
      description = "UCB's exploration weight (default: ${DEFAULT-VALUE}).")
  double c;

  @Option(
      names = "--gamma",
      defaultValue = "0.1",
      description = "Exp3's gamma (default: ${DEFAULT-VALUE}).")
  double gamma;

  @Override
  public Integer call() {
    int workers = io.workers();
    Processes.Choice choice;
    Exp2Runner.Options options;
    try {
      choice = Processes.resolve(process, new Processes.Params(epsilon, c, gamma));
      options = new Exp2Runner.Options(choice, steps, batch, seed, workers);
    } catch (IllegalArgumentException e) {
      throw new UserException("replay exp2: " + e.getMessage());
    }
    Settings.log(
        LOG,
        "replay exp2",
        "data",
        io.data,
        "labels",
        io.labels,
        "process",
        choice,
        "steps",
        steps,
        "batch",
        batch,
        "seed",
        seed,
        "threads",
        workers,
        "out",
        io.out);
    long started = System.nanoTime();
    try (ReplayData replay = ReplayData.open(io.data)) {
      Exp2Result result = new Exp2Runner(options).run(replay, replay.resolveLabels(io.labels));
      ResultFiles.write(io.out, result);
      long failed = result.labels().values().stream().filter(r -> r.failed() != null).count();
      System.out.printf(
          "wrote %s: %d labels, %d stopped early; wall time %.1f s%n",
          io.out, result.labels().size(), failed, (System.nanoTime() - started) / 1e9);
    }
    return 0;
  }
}

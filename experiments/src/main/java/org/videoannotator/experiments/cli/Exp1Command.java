package org.videoannotator.experiments.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Settings;
import org.videoannotator.core.UserException;
import org.videoannotator.experiments.ResultFiles;
import org.videoannotator.experiments.exp1.ComparisonSets;
import org.videoannotator.experiments.exp1.Exp1Result;
import org.videoannotator.experiments.exp1.Exp1Runner;
import org.videoannotator.experiments.protocol.ReplayData;
import org.videoannotator.experiments.protocol.ValidationBench;
import org.videoannotator.learn.LogisticRegressionCv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code va replay exp1}: Experiment 1 of the paper. */
@Command(
    name = "exp1",
    mixinStandardHelpOptions = true,
    description =
        "Experiment 1: VA's checkpoints against models trained on random, zero-shot and mixed sets.")
final class Exp1Command implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(Exp1Command.class);

  @Mixin DataOptions io;

  @Option(
      names = "--ns",
      split = ",",
      defaultValue = "25,50,100,500,1000",
      description = "Training sizes of the comparison cells (default: ${DEFAULT-VALUE}).")
  List<Integer> ns;

  @Option(
      names = "--methods",
      split = ",",
      defaultValue = "random,zero-shot-50-random-50,zero-shot",
      description = "Comparison methods (default: ${DEFAULT-VALUE}; also zero-shot-20-random-80).")
  List<String> methods;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "murmur3 seed of the validation split (default: ${DEFAULT-VALUE}).")
  int seed;

  @Option(
      names = "--precision",
      defaultValue = "FAST",
      description =
          "The learner's precision: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; REFERENCE"
              + " is Experiment 2's, double throughout, about a third more CPU).")
  LogisticRegressionCv.Precision precision;

  @Override
  public Integer call() {
    int workers = io.workers();
    Settings.log(
        LOG,
        "replay exp1",
        "data",
        io.data,
        "labels",
        io.labels,
        "ns",
        ns,
        "methods",
        methods,
        "seed",
        seed,
        "precision",
        precision,
        "threads",
        workers,
        "out",
        io.out);
    Exp1Runner.Options options;
    try {
      options =
          new Exp1Runner.Options(ns, methods, seed, ValidationBench.BOOTSTRAPS, workers, precision);
    } catch (IllegalArgumentException e) {
      throw new UserException(
          "replay exp1: " + e.getMessage() + " (methods: " + ComparisonSets.ALL_METHODS + ")");
    }
    long started = System.nanoTime();
    try (ReplayData replay = ReplayData.open(io.data)) {
      Exp1Result result = new Exp1Runner(options).run(replay, replay.resolveLabels(io.labels));
      ResultFiles.write(io.out, result);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "wrote %s: %d labels, %d failed; wall time %.1f s%n",
          io.out, result.labels().size(), result.failed().size(), seconds);
    }
    return 0;
  }
}

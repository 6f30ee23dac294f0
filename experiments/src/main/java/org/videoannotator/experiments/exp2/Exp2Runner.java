package org.videoannotator.experiments.exp2;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.experiments.exp2.Exp2Result.LabelRun;
import org.videoannotator.experiments.exp2.Exp2Result.Step;
import org.videoannotator.experiments.protocol.LabelData;
import org.videoannotator.experiments.protocol.LogisticEvaluator;
import org.videoannotator.experiments.protocol.Metric;
import org.videoannotator.experiments.protocol.ParallelMap;
import org.videoannotator.experiments.protocol.ReplayData;
import org.videoannotator.experiments.protocol.ValidationBench;
import org.videoannotator.learn.LabelledSet;
import org.videoannotator.learn.LogisticRegressionCv;
import org.videoannotator.learn.ValidationSplit;

/**
 * Experiment 2: runs one decision process per label for a number of steps of a batch each. As in
 * the paper's notebook, the process's seed base (default 1) also seeds the validation split. Labels
 * run in parallel on {@code threads}; with fewer labels than threads the spare threads go to the
 * learner's folds.
 */
public final class Exp2Runner {
  private static final Logger LOG = LoggerFactory.getLogger(Exp2Runner.class);

  /** The paper's run: 40 steps of 25 annotations, seed base 1. */
  public static final int DEFAULT_STEPS = 40;

  public static final int DEFAULT_BATCH = 25;
  public static final int DEFAULT_SEED_BASE = 1;

  public record Options(Processes.Choice process, int steps, int batch, int seedBase, int threads) {
    public Options {
      if (steps < 1 || batch < 1 || threads < 1) {
        throw new IllegalArgumentException(
            "steps, batch and threads must be positive, got "
                + steps
                + ", "
                + batch
                + ", "
                + threads);
      }
    }
  }

  private final Options options;

  public Exp2Runner(Options options) {
    this.options = options;
  }

  public Exp2Result run(ReplayData data, List<String> labels) {
    int labelThreads = Math.min(options.threads(), labels.size());
    int learnerThreads = Math.max(1, options.threads() / Math.max(1, labels.size()));
    LogisticRegressionCv learner =
        new LogisticRegressionCv(
            LogisticRegressionCv.Options.defaults().withThreads(learnerThreads));
    List<LabelData> loaded = labels.stream().map(data::label).toList();
    List<LabelRun> results =
        ParallelMap.apply(
            loaded,
            labelThreads,
            "exp2 " + options.process().name(),
            "labels",
            label -> runLabel(data, label, learner));
    Map<String, LabelRun> runs = new LinkedHashMap<>();
    for (int i = 0; i < loaded.size(); i++) {
      runs.put(loaded.get(i).label(), results.get(i));
    }
    Processes.Params p = options.process().params();
    var settings =
        new Exp2Result.Settings(
            data.dir().toString(),
            options.process().name(),
            p.epsilon(),
            p.c(),
            p.gamma(),
            options.steps(),
            options.batch(),
            options.seedBase(),
            ValidationBench.BOOTSTRAPS);
    return new Exp2Result(settings, runs);
  }

  private LabelRun runLabel(ReplayData data, LabelData label, LogisticRegressionCv learner) {
    DecisionProcess process;
    try {
      process = Processes.create(options.process(), settings(data, label, learner));
    } catch (RuntimeException e) {
      LOG.warn("label {} cannot run experiment 2: {}", label.label(), e.getMessage());
      return new LabelRun(List.of(), List.of(), null, null, message(e));
    }
    try {
      return toLabelRun(process.run(options.steps()), null);
    } catch (RuntimeException e) {
      LOG.warn("label {}: {} stopped: {}", label.label(), options.process().name(), e.getMessage());
      return toLabelRun(process.partial(), message(e));
    }
  }

  private DecisionProcess.Settings settings(
      ReplayData data, LabelData label, LogisticRegressionCv learner) {
    ValidationSplit.Split split =
        ValidationSplit.split(label.agg(), Set.of(), Set.of(), options.seedBase());
    ValidationBench validation =
        new ValidationBench(split.validation(), data.embeddings(), ValidationBench.BOOTSTRAPS);
    Set<String> validationKeys = new HashSet<>(split.validation().orderedKeys());
    if (label.cmp().isEmpty()) {
      throw new IllegalArgumentException("label " + label.label() + " has no cmp file");
    }
    List<LabelledSet> checkpoints = new ArrayList<>();
    for (int i = 0; i < label.checkpoints().size(); i++) {
      checkpoints.add(label.checkpointSet(i));
    }
    SourceManager sources =
        SourceManager.of(
            label.agg(),
            validationKeys,
            checkpoints,
            label.cmp().get().zeroShot(),
            label.cmp().get().random());
    return new DecisionProcess.Settings(
        options.batch(),
        options.seedBase(),
        new LogisticEvaluator(data.embeddings(), validation, learner),
        sources);
  }

  private static LabelRun toLabelRun(DecisionProcess.Run run, String failure) {
    List<Step> steps = new ArrayList<>();
    for (StepResult r : run.steps()) {
      Metric ap = r.evaluation().averagePrecision();
      steps.add(
          new Step(
              r.step(),
              r.choice().id(),
              r.evaluation().nTrain(),
              ap.mean(),
              ap.std(),
              ap.values()));
    }
    Step best = null;
    for (Step s : steps) {
      if (best == null || s.mean() > best.mean()) {
        best = s;
      }
    }
    Step last = steps.isEmpty() ? null : steps.getLast();
    List<String> history = run.choiceHistory().stream().map(Source::id).toList();
    return new LabelRun(history, steps, best, last, failure);
  }

  private static String message(RuntimeException e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}

package org.videoannotator.experiments.exp1;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.experiments.exp1.Exp1Result.Baseline;
import org.videoannotator.experiments.exp1.Exp1Result.Cell;
import org.videoannotator.experiments.exp1.Exp1Result.CellFailure;
import org.videoannotator.experiments.exp1.Exp1Result.LabelFailure;
import org.videoannotator.experiments.exp1.Exp1Result.LabelResult;
import org.videoannotator.experiments.exp1.Exp1Result.Stat;
import org.videoannotator.experiments.protocol.Evaluation;
import org.videoannotator.experiments.protocol.LabelData;
import org.videoannotator.experiments.protocol.LogisticEvaluator;
import org.videoannotator.experiments.protocol.ParallelMap;
import org.videoannotator.experiments.protocol.RandomBaseline;
import org.videoannotator.experiments.protocol.ReplayData;
import org.videoannotator.experiments.protocol.ValidationBench;
import org.videoannotator.experiments.protocol.ZeroShot;
import org.videoannotator.learn.LabelledSet;
import org.videoannotator.learn.LogisticRegressionCv;
import org.videoannotator.learn.ValidationSplit;

/**
 * Experiment 1 of the paper, per label: the random baseline and zero-shot AP on the validation
 * split; a logistic regression per (n, method) comparison cell and per VA checkpoint; VA's best AP
 * among checkpoints of at most n + 10 shots. Every training runs as one task on a pool of {@code
 * threads}, largest first; the result does not depend on the order tasks finish in.
 */
public final class Exp1Runner {
  private static final Logger LOG = LoggerFactory.getLogger(Exp1Runner.class);

  /** VA's checkpoints may be this much larger than n and still count at n (the reference's). */
  public static final int CHECKPOINT_SLACK = 10;

  public static final List<Integer> DEFAULT_NS = List.of(25, 50, 100, 500, 1000);

  /**
   * The learner's precision for Experiment 1: {@code FAST}. Its figures agree with the reference's
   * as closely as {@code REFERENCE}'s do (LR cells on the 30,000 x 512 x 8 benchmark set: median
   * |dAP| 1.1e-16 both, largest 0.00057 against 0.00042; on a second unseen set 0.0017 both), in
   * about a quarter less CPU: a cell's AP is a mean over bootstraps of a model chosen among ten Cs,
   * which rounding of 1e-7 in the line search does not move. Experiment 2's decisions compare
   * candidate APs 1e-5 apart, so it keeps {@code REFERENCE} (experiments/bench/RESULTS.md).
   */
  public static final LogisticRegressionCv.Precision DEFAULT_PRECISION =
      LogisticRegressionCv.Precision.FAST;

  /** How to run; {@code splitSeed} 0 and 5 bootstraps are the protocol's. */
  public record Options(
      List<Integer> ns,
      List<String> methods,
      int splitSeed,
      int bootstraps,
      int threads,
      LogisticRegressionCv.Precision precision) {
    /** With {@link #DEFAULT_PRECISION}. */
    public Options(
        List<Integer> ns, List<String> methods, int splitSeed, int bootstraps, int threads) {
      this(ns, methods, splitSeed, bootstraps, threads, DEFAULT_PRECISION);
    }

    public Options {
      if (precision == null) {
        throw new IllegalArgumentException("precision must be given");
      }
      ns = List.copyOf(ns);
      methods = List.copyOf(methods);
      for (int n : ns) {
        if (n < 1) {
          throw new IllegalArgumentException("n must be positive, got " + n);
        }
      }
      methods.forEach(ComparisonSets::check);
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be positive, got " + threads);
      }
    }

    public static Options defaults(int threads) {
      return new Options(
          DEFAULT_NS,
          ComparisonSets.METHODS,
          ValidationSplit.DEFAULT_SEED,
          ValidationBench.BOOTSTRAPS,
          threads);
    }
  }

  private final Options options;

  public Exp1Runner(Options options) {
    this.options = options;
  }

  /** One training to run: which label and cell, its expected cost, and how to build its set. */
  private record Task(
      String label,
      String cell,
      int cost,
      LogisticEvaluator evaluator,
      Supplier<LabelledSet> train) {}

  /** What a label contributes before the trainings: its cheap figures and its tasks. */
  private record Prepared(
      Baseline baseline, Stat zeroShot, List<Task> tasks, List<CellFailure> failed) {}

  public Exp1Result run(ReplayData data, List<String> labels) {
    LogisticRegressionCv learner =
        new LogisticRegressionCv(
            LogisticRegressionCv.Options.defaults()
                .withThreads(1)
                .withPrecision(options.precision()));
    Map<String, Prepared> prepared = new LinkedHashMap<>();
    List<LabelFailure> labelFailures = new ArrayList<>();
    List<Task> tasks = new ArrayList<>();
    // Labels are prepared on the pool too (their files read, the split, the random baseline's
    // 1,000 APs, the bootstraps): on one thread that was a second or more with the other core idle.
    List<Object> setups =
        ParallelMap.apply(
            labels, options.threads(), "exp1 setup", "labels", l -> prepare(data, l, learner));
    for (int i = 0; i < labels.size(); i++) {
      if (setups.get(i) instanceof Prepared p) {
        prepared.put(labels.get(i), p);
        tasks.addAll(p.tasks);
      } else {
        labelFailures.add((LabelFailure) setups.get(i));
      }
    }
    Map<Task, Object> outcomes = runAll(tasks);
    Map<String, LabelResult> results = new LinkedHashMap<>();
    for (var entry : prepared.entrySet()) {
      results.put(entry.getKey(), assemble(entry.getValue(), outcomes));
    }
    var settings =
        new Exp1Result.Settings(
            data.dir().toString(),
            options.ns(),
            options.methods(),
            options.splitSeed(),
            options.bootstraps());
    return new Exp1Result(settings, results, labelFailures);
  }

  /** The label's {@link Prepared} setup, or a {@link LabelFailure} when it has no positives. */
  private Object prepare(ReplayData data, String label, LogisticRegressionCv learner) {
    try {
      return prepare(data, data.label(label), learner);
    } catch (ValidationSplit.NoPositivesException e) {
      LOG.warn("label {} cannot be replayed: {}", label, e.getMessage());
      return new LabelFailure(label, e.getMessage());
    }
  }

  private Prepared prepare(ReplayData data, LabelData label, LogisticRegressionCv learner) {
    ValidationSplit.Split split =
        ValidationSplit.split(label.agg(), Set.of(), Set.of(), options.splitSeed());
    LabelledSet validationSet = split.validation();
    ValidationBench validation =
        new ValidationBench(validationSet, data.embeddings(), options.bootstraps());
    Baseline baseline = new Baseline(RandomBaseline.of(validationSet).mean());
    List<CellFailure> failed = new ArrayList<>();
    Stat zeroShot = null;
    if (label.textEmbedding().isPresent()) {
      zeroShot =
          Stat.of(
              validation.averagePrecision(
                  ZeroShot.scores(validation, label.textEmbedding().get())));
    } else {
      failed.add(new CellFailure("zero_shot", "no text embedding for label " + label.label()));
    }
    LogisticEvaluator evaluator = new LogisticEvaluator(data.embeddings(), validation, learner);
    Set<String> validationKeys = new HashSet<>(validationSet.orderedKeys());
    List<Task> tasks = new ArrayList<>();
    for (int n : options.ns()) {
      for (String method : options.methods()) {
        Supplier<LabelledSet> train =
            label.cmp().isEmpty()
                ? () -> {
                  throw new IllegalStateException("label has no cmp file");
                }
                : () ->
                    new ComparisonSets(label.label(), label.cmp().get(), validationKeys)
                        .trainingSet(method, n);
        tasks.add(new Task(label.label(), n + "|" + method, n, evaluator, train));
      }
    }
    for (int i = 0; i < label.checkpoints().size(); i++) {
      int index = i;
      tasks.add(
          new Task(
              label.label(),
              "checkpoint/" + i,
              label.checkpoints().get(i).size(),
              evaluator,
              () -> label.checkpointSet(index).without(validationKeys)));
    }
    return new Prepared(baseline, zeroShot, tasks, failed);
  }

  /**
   * Runs every task, largest first; the outcome is an {@link Evaluation} or the failure's message.
   */
  private Map<Task, Object> runAll(List<Task> tasks) {
    List<Task> order = new ArrayList<>(tasks);
    order.sort(Comparator.comparingInt((Task t) -> t.cost).reversed());
    List<Object> results =
        ParallelMap.apply(order, options.threads(), "exp1", "models", Exp1Runner::execute);
    Map<Task, Object> outcomes = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      outcomes.put(order.get(i), results.get(i));
    }
    return outcomes;
  }

  private static Object execute(Task task) {
    try {
      return task.evaluator.evaluate(task.train.get());
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      LOG.warn("label {} cell {} failed: {}", task.label, task.cell, reason);
      return reason;
    }
  }

  private LabelResult assemble(Prepared p, Map<Task, Object> outcomes) {
    Map<String, Cell> cmp = new LinkedHashMap<>();
    List<Cell> checkpoints = new ArrayList<>();
    List<CellFailure> failed = new ArrayList<>(p.failed);
    for (Task task : p.tasks) {
      Object outcome = outcomes.get(task);
      if (outcome instanceof Evaluation e) {
        if (task.cell.startsWith("checkpoint/")) {
          checkpoints.add(Cell.of(e));
        } else {
          cmp.put(task.cell, Cell.of(e));
        }
      } else {
        failed.add(new CellFailure(task.cell, (String) outcome));
      }
    }
    return new LabelResult(p.baseline, p.zeroShot, cmp, checkpoints, vaAtN(checkpoints), failed);
  }

  /** VA's AP at each n: the best checkpoint mean among those of at most n + 10 training shots. */
  Map<String, Double> vaAtN(List<Cell> checkpoints) {
    Map<String, Double> va = new LinkedHashMap<>();
    for (int n : options.ns()) {
      Double best = null;
      for (Cell c : checkpoints) {
        if (c.nTrain() <= n + CHECKPOINT_SLACK && (best == null || c.mean() > best)) {
          best = c.mean();
        }
      }
      if (best != null) {
        va.put(String.valueOf(n), best);
      }
    }
    return va;
  }
}

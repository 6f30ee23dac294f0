package org.videoannotator.experiments.exp2;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.videoannotator.experiments.protocol.Evaluation;
import org.videoannotator.experiments.protocol.TrainingEvaluator;
import org.videoannotator.learn.LabelledSet;

/**
 * A decision process of Experiment 2, run as the reference runs it: an optional warm-up, then at
 * each step choose a source (the first steps try every source once, in order), take a batch from
 * it, retrain, and learn from the result. Subclasses supply {@link #select()} and, for bandits,
 * {@link #warmup()} and {@link #update}. Not thread-safe; one instance runs once.
 */
public abstract class DecisionProcess {
  /** The sources in the reference's order. */
  public static final List<Source> CHOICES = List.of(Source.AGG, Source.ZERO_SHOT, Source.RANDOM);

  protected final int batch;
  protected final int seedBase;
  protected final TrainingEvaluator evaluator;
  protected SourceManager sources;

  /** Steps taken so far. */
  protected int step;

  /** Choices made, preceded by the warm-up's worst source for bandit processes. */
  protected final List<Source> choiceHistory = new ArrayList<>();

  protected final List<StepResult> results = new ArrayList<>();
  protected final Set<Source> exhausted = new HashSet<>();

  protected DecisionProcess(Settings settings) {
    if (settings.batch() <= 0) {
      throw new IllegalArgumentException("batch must be positive, got " + settings.batch());
    }
    this.batch = settings.batch();
    this.seedBase = settings.seedBase();
    this.evaluator = settings.evaluator();
    this.sources = settings.sources();
  }

  /**
   * What every process needs.
   *
   * @param batch annotations per step (the reference's {@code d})
   * @param seedBase the reference's {@code _seed_base}; step {@code i} draws with seed {@code
   *     seedBase + i}
   */
  public record Settings(
      int batch, int seedBase, TrainingEvaluator evaluator, SourceManager sources) {}

  /** The full history of a run. */
  public record Run(List<Source> choiceHistory, List<StepResult> steps) {}

  /** Runs {@code steps} steps; an exception ends the run as it would end the reference's. */
  public final Run run(int steps) {
    warmup();
    for (int s = 0; s < steps; s++) {
      Source choice = selectOuter();
      Evaluation result = act(choice);
      update(choice, result);
      choiceHistory.add(choice);
      results.add(new StepResult(step, choice, result));
      step++;
    }
    return new Run(List.copyOf(choiceHistory), List.copyOf(results));
  }

  /** The history so far (for a run that failed part way). */
  public Run partial() {
    return new Run(List.copyOf(choiceHistory), List.copyOf(results));
  }

  protected List<Source> available() {
    return CHOICES.stream().filter(c -> !exhausted.contains(c)).toList();
  }

  /** Tries each source once, then asks {@link #select()} until it names one that has data. */
  protected Source selectOuter() {
    if (step < CHOICES.size()) {
      return CHOICES.get(step);
    }
    return selectWithData();
  }

  protected final Source selectWithData() {
    while (true) {
      Source choice = select();
      if (choice == null) {
        throw new IllegalStateException(
            getClass().getSimpleName() + " selected nothing at step " + step);
      }
      if (sources.hasData(choice)) {
        return choice;
      }
      exhausted.add(choice);
      if (available().isEmpty()) {
        throw new IllegalStateException(
            getClass().getSimpleName() + " ran out of sources at step " + step);
      }
    }
  }

  protected abstract Source select();

  protected void warmup() {}

  protected void update(Source choice, Evaluation result) {}

  /** Takes the next batch of {@code choice} into the training set and evaluates it. */
  protected Evaluation act(Source choice) {
    LabelledSet train = sources.extend(choice, batch);
    if (train == null) {
      throw new IllegalStateException("source " + choice + " gave no data for the first batch");
    }
    return evaluator.evaluate(train);
  }

  /** The seed of the current step's draws. */
  protected int seed() {
    return seedBase + step;
  }

  /** The figure processes compare: mean validation AP over the bootstraps. */
  protected static double score(Evaluation evaluation) {
    return evaluation.averagePrecision().mean();
  }
}

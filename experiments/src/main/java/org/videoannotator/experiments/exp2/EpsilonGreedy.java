package org.videoannotator.experiments.exp2;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.experiments.protocol.Evaluation;
import org.videoannotator.experiments.protocol.Metric;
import org.videoannotator.learn.NumpyRandomState;

/**
 * Epsilon-greedy over the sources, and the base of the other bandits. The reward of a step is the
 * change of validation AP since the previous step. Warm-up: one trial batch per source from the
 * empty state (a failed trial scores 0); the worst source counts as the previous choice, and each
 * source starts with a reward of its trial AP minus the worst's. Ties go to the larger source name,
 * as Python's {@code max} over (value, name) pairs.
 */
public class EpsilonGreedy extends DecisionProcess {
  private static final Logger LOG = LoggerFactory.getLogger(EpsilonGreedy.class);

  protected final double epsilon;
  protected final Valuation valuation;

  /** Rewards (AP changes) per source. */
  protected final Map<Source, Metric> rewards = new EnumMap<>(Source.class);

  /** Absolute AP per source. */
  protected final Map<Source, Metric> absolute = new EnumMap<>(Source.class);

  public EpsilonGreedy(Settings settings, double epsilon, Valuation valuation) {
    super(settings);
    if (!(epsilon >= 0 && epsilon <= 1)) {
      throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
    }
    this.epsilon = epsilon;
    this.valuation = valuation;
    for (Source c : CHOICES) {
      rewards.put(c, Metric.EMPTY);
      absolute.put(c, Metric.EMPTY);
    }
  }

  @Override
  protected Source select() {
    NumpyRandomState random = new NumpyRandomState(seed());
    if (random.randomSample() < epsilon) {
      var available = available();
      return available.get((int) random.randint(0, available.size()));
    }
    return bestChoice();
  }

  /** The available source of highest value; ties to the larger name. */
  protected Source bestChoice() {
    Source best = null;
    double bestValue = 0;
    for (Source c : available()) {
      double value = valuation.of(rewards.get(c));
      if (best == null || greater(value, c, bestValue, best)) {
        best = c;
        bestValue = value;
      }
    }
    return best;
  }

  /** Python's tuple order (value, name) for {@code max}. */
  static boolean greater(double value, Source c, double otherValue, Source other) {
    if (value != otherValue) {
      return value > otherValue;
    }
    return c.id().compareTo(other.id()) > 0;
  }

  @Override
  protected void update(Source choice, Evaluation result) {
    double previous = absolute.get(choiceHistory.getLast()).lastRaw();
    double metric = score(result);
    rewards.put(choice, rewards.get(choice).add(metric - previous));
    absolute.put(choice, absolute.get(choice).add(metric));
  }

  @Override
  protected void warmup() {
    SourceManager start = sources;
    Map<Source, Double> trial = new HashMap<>();
    for (Source choice : CHOICES) {
      sources = start.copy();
      double value;
      try {
        value = score(act(choice));
      } catch (RuntimeException e) {
        value = 0;
        LOG.warn(
            "{} warm-up of {} failed, scored 0: {}",
            getClass().getSimpleName(),
            choice,
            e.getMessage());
      }
      absolute.put(choice, absolute.get(choice).add(value));
      trial.put(choice, value);
    }
    sources = start;
    Source worst = null;
    for (Source c : CHOICES) {
      // Python's min over (value, name): ties go to the smaller name.
      if (worst == null || greater(trial.get(worst), worst, trial.get(c), c)) {
        worst = c;
      }
    }
    choiceHistory.add(worst);
    double worstValue = trial.get(worst);
    for (Source c : CHOICES) {
      rewards.put(c, rewards.get(c).add(trial.get(c) - worstValue));
    }
  }
}

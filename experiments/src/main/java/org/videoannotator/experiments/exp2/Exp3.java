package org.videoannotator.experiments.exp2;

import java.util.EnumMap;
import java.util.Map;
import org.videoannotator.experiments.protocol.Evaluation;
import org.videoannotator.learn.NumpyRandomState;

/**
 * Exp3 over the sources: draws a source with probability {@code (1 - gamma) w / sum(w) + gamma / k}
 * and multiplies the chosen weight by {@code exp(gamma * value / p / k)}, where value is the
 * source's mean, last or EWMA reward. As in the reference (whose seed field hides the per-step
 * seed), every draw uses numpy seed 0, so the uniform number is the same at every step.
 */
public final class Exp3 extends EpsilonGreedy {
  /** The seed of every draw (the reference's class-level {@code _seed}). */
  static final int DRAW_SEED = 0;

  private final double gamma;
  private final Map<Source, Double> weights = new EnumMap<>(Source.class);

  public Exp3(Settings settings, double gamma, Valuation valuation) {
    super(settings, 0, valuation);
    if (!(gamma >= 0 && gamma <= 1)) {
      throw new IllegalArgumentException("Exp3 gamma must be in [0, 1], got " + gamma);
    }
    this.gamma = gamma;
    for (Source s : CHOICES) {
      weights.put(s, 1.0);
    }
  }

  private double probability(Source s) {
    var available = available();
    double sum = 0;
    for (Source a : available) {
      sum += weights.get(a);
    }
    return (1 - gamma) * weights.get(s) / sum + gamma / available.size();
  }

  @Override
  protected Source select() {
    var available = available();
    double[] p = new double[available.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = probability(available.get(i));
    }
    return available.get(new NumpyRandomState(DRAW_SEED).choice(p.length, 1, true, p)[0]);
  }

  @Override
  protected void update(Source choice, Evaluation result) {
    super.update(choice, result);
    double x = valuation.of(rewards.get(choice)) / probability(choice);
    weights.put(choice, weights.get(choice) * Math.exp(gamma * x / available().size()));
  }
}

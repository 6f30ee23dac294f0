package org.videoannotator.experiments.exp2;

import java.util.EnumMap;
import java.util.Map;
import org.videoannotator.experiments.protocol.Evaluation;
import org.videoannotator.learn.feeds.Ucb1;

/**
 * UCB1 ({@link Ucb1}) over the sources: a source never chosen is chosen first; otherwise the
 * highest mean reward plus {@code c * sqrt(ln(step + 1) / count)}. As in the reference, the bonus
 * is always added to the MEAN reward: its EWMA and last-reward variants inherit UCB's selection, so
 * they choose alike.
 */
public final class Ucb extends EpsilonGreedy {
  private final double c;
  private final Map<Source, Integer> counts = new EnumMap<>(Source.class);

  public Ucb(Settings settings, double c, Valuation valuation) {
    super(settings, 0, valuation);
    if (!(c >= 0) || Double.isInfinite(c)) {
      throw new IllegalArgumentException("UCB c must be finite and >= 0, got " + c);
    }
    this.c = c;
    for (Source s : CHOICES) {
      counts.put(s, 0);
    }
  }

  @Override
  protected Source select() {
    var available = available();
    int arm =
        Ucb1.choose(
            CHOICES.size(),
            i -> available.contains(CHOICES.get(i)),
            i -> counts.get(CHOICES.get(i)),
            i -> rewards.get(CHOICES.get(i)).mean(),
            c,
            step + 1);
    return arm < 0 ? null : CHOICES.get(arm);
  }

  @Override
  protected void update(Source choice, Evaluation result) {
    counts.merge(choice, 1, Integer::sum);
    super.update(choice, result);
  }
}

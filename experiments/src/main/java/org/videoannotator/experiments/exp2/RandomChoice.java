package org.videoannotator.experiments.exp2;

import org.videoannotator.learn.NumpyRandomState;

/** Picks a source uniformly at random, seeding numpy's generator with {@code seedBase + step}. */
public final class RandomChoice extends DecisionProcess {
  public RandomChoice(Settings settings) {
    super(settings);
  }

  @Override
  protected Source select() {
    var available = available();
    return available.get((int) new NumpyRandomState(seed()).randint(0, available.size()));
  }
}

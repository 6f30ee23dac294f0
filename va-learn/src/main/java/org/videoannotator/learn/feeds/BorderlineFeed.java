package org.videoannotator.learn.feeds;

import java.util.function.IntPredicate;
import org.videoannotator.learn.Selections;

/** The probabilities nearest the decision threshold first: where the model is least sure. */
final class BorderlineFeed implements FeedStrategy {
  @Override
  public String id() {
    return "borderline";
  }

  @Override
  public String name() {
    return "Borderline";
  }

  @Override
  public String hint() {
    return "clips the model cannot decide on";
  }

  @Override
  public int[] select(FeedInput input, int k, IntPredicate excluded) {
    return Selections.nearest(input.probabilities(), input.threshold(), k, excluded);
  }
}

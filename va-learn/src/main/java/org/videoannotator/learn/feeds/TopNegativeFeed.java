package org.videoannotator.learn.feeds;

import java.util.function.IntPredicate;
import org.videoannotator.learn.Selections;

/** The lowest probabilities first: the model's most confident negatives. */
final class TopNegativeFeed implements FeedStrategy {
  @Override
  public String id() {
    return "top-negative";
  }

  @Override
  public String name() {
    return "Top negative";
  }

  @Override
  public String hint() {
    return "clips the model is surest are no";
  }

  @Override
  public int[] select(FeedInput input, int k, IntPredicate excluded) {
    return Selections.bottom(input.probabilities(), k, excluded);
  }
}

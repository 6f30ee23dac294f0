package org.videoannotator.learn.feeds;

import java.util.function.IntPredicate;
import org.videoannotator.learn.Selections;

/** The highest probabilities first: what the model is surest is "yes". */
final class TopPositiveFeed implements FeedStrategy {
  @Override
  public String id() {
    return "top-positive";
  }

  @Override
  public String name() {
    return "Top positive";
  }

  @Override
  public String hint() {
    return "clips the model is surest are yes";
  }

  @Override
  public int[] select(FeedInput input, int k, IntPredicate excluded) {
    return Selections.top(input.probabilities(), k, excluded);
  }
}

package org.videoannotator.learn.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Ucb1Test {
  @Test
  void unplayedArmsComeFirstThenTheUpperBoundDecides() {
    long[] plays = {3, 0, 5};
    double[] means = {0.9, 0.0, 0.1};
    assertEquals(
        1, Ucb1.choose(3, i -> true, i -> plays[i], i -> means[i], 1, 8), "the unplayed arm");
    assertEquals(
        0, Ucb1.choose(3, i -> i != 1, i -> plays[i], i -> means[i], 1, 8), "best mean + bonus");
    // A large c lets the bonus of the less played arm outweigh its lower mean.
    long[] skewed = {100, 2};
    double[] close = {0.6, 0.5};
    assertEquals(1, Ucb1.choose(2, i -> true, i -> skewed[i], i -> close[i], 2, 102));
    assertEquals(
        0, Ucb1.choose(2, i -> true, i -> skewed[i], i -> close[i], 0, 102), "c = 0 is greedy");
    assertEquals(-1, Ucb1.choose(2, i -> false, i -> 1, i -> 0, 1, 2), "nothing available");
  }

  @Test
  void theRegistryListsTheArmsThenAutoThenVariants() {
    assertEquals(
        java.util.List.of("top-positive", "top-negative", "borderline", "random"),
        FeedRegistry.arms());
    assertEquals(
        java.util.List.of(
            "top-positive", "top-negative", "borderline", "random", "auto", "borderline-diverse"),
        FeedRegistry.servable().stream().map(FeedRegistry.FeedInfo::id).toList());
  }
}

package org.videoannotator.learn.feeds;

import java.util.function.IntPredicate;

/**
 * One annotation feed: how a build picks the clips it shows the annotator from one scoring of the
 * corpus. A new feed is one class implementing this plus one line in {@link FeedRegistry}; the
 * server fills it at every build, serves it at {@code /api/labels/{label}/feeds/{id}}, and the UI
 * shows it as a tab (both list feeds from the registry through {@code /api/info}).
 */
public interface FeedStrategy {
  /** The wire name, e.g. {@code "top-positive"}. */
  String id();

  /** A short title for the UI, e.g. "Top positive". */
  String name();

  /** What the annotator sees in it, completing "Top positive: ...". */
  String hint();

  /**
   * Up to {@code k} rows in serving order, none of them {@code excluded} (already labelled, or
   * taken by an earlier feed that {@link #sharesRows() shares} the pool).
   */
  int[] select(FeedInput input, int k, IntPredicate excluded);

  /**
   * Whether this feed draws from the pool the other sharing feeds draw from, so that no clip shows
   * up in two of them (true for the four feeds of the paper); a variant of another feed (such as
   * the diverse borderline) sees every unlabelled clip instead.
   */
  default boolean sharesRows() {
    return true;
  }

  /** Whether the auto feed's bandit may choose this feed (the paper's four feeds). */
  default boolean isArm() {
    return sharesRows();
  }
}

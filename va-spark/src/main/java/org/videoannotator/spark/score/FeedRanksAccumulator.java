package org.videoannotator.spark.score;

import org.apache.spark.util.AccumulatorV2;

/**
 * The feeds' candidate lists gathered while the scores are written: each scoring task adds its
 * partition's {@link FeedRanks} once, at its end, and the driver merges them. The scoring runs in
 * the write's result stage, where Spark applies a partition's accumulator update once (a failed or
 * a speculative second attempt adds nothing), so no score is read twice and none is kept.
 */
final class FeedRanksAccumulator extends AccumulatorV2<FeedRanks, FeedRanks> {
  private static final long serialVersionUID = 1L;
  private final int capacity;
  private final double threshold;
  private final int seed;
  private FeedRanks ranks;

  FeedRanksAccumulator(int capacity, double threshold, int seed) {
    this.capacity = capacity;
    this.threshold = threshold;
    this.seed = seed;
    this.ranks = empty();
  }

  /** Empty candidate lists with this accumulator's capacity, threshold and seed. */
  FeedRanks empty() {
    return new FeedRanks(capacity, threshold, seed);
  }

  @Override
  public boolean isZero() {
    return ranks.rows() == 0;
  }

  @Override
  public AccumulatorV2<FeedRanks, FeedRanks> copy() {
    FeedRanksAccumulator copy = new FeedRanksAccumulator(capacity, threshold, seed);
    copy.ranks.merge(ranks);
    return copy;
  }

  @Override
  public void reset() {
    ranks = empty();
  }

  @Override
  public void add(FeedRanks partition) {
    ranks.merge(partition);
  }

  @Override
  public void merge(AccumulatorV2<FeedRanks, FeedRanks> other) {
    ranks.merge(other.value());
  }

  @Override
  public FeedRanks value() {
    return ranks;
  }
}

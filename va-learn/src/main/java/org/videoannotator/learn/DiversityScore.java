package org.videoannotator.learn;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The protocol's data diversity score of a labelled set: for the positives, the sum over clusters
 * of {@code min(count, 10) / 10}; the same for the negatives; the score is {@code (positive part +
 * negative part) / 20}, in [0, 1]. Keys without a cluster (the caller's function returns a negative
 * number) are not counted, as the reference drops keys missing from its cluster table.
 */
public final class DiversityScore {
  /** The protocol's cluster count (and per-cluster cap). */
  public static final int CLUSTERS = 10;

  private DiversityScore() {}

  /** The score of {@code set} with clusters 0..9 given by {@code clusterOf}. */
  public static double of(LabelledSet set, ToIntFunction<String> clusterOf) {
    return of(set, clusterOf, CLUSTERS);
  }

  /**
   * The score with {@code clusters} clusters (0..clusters-1), each count capped at {@code
   * clusters}.
   */
  public static double of(LabelledSet set, ToIntFunction<String> clusterOf, int clusters) {
    if (clusters < 1) {
      throw new IllegalArgumentException("clusters must be >= 1, got " + clusters);
    }
    double pos = part(set.positives(), clusterOf, clusters);
    double neg = part(set.negatives(), clusterOf, clusters);
    return (pos + neg) / (2.0 * clusters);
  }

  private static double part(
      Collection<String> keys, ToIntFunction<String> clusterOf, int clusters) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (String key : keys) {
      int cluster = clusterOf.applyAsInt(key);
      if (cluster >= 0) {
        counts.merge(cluster, 1, Integer::sum);
      }
    }
    double sum = 0;
    for (int count : counts.values()) {
      sum += Math.min(count, clusters) / (double) clusters;
    }
    return sum;
  }
}

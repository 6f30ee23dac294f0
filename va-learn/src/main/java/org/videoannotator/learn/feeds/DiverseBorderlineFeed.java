package org.videoannotator.learn.feeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.videoannotator.core.vectors.VectorMath;
import org.videoannotator.learn.Selections;

/**
 * The borderline feed without near-duplicates: walk the clips nearest the decision threshold in
 * order and keep one only if its cosine similarity to every clip already kept is at most {@link
 * #MAX_COSINE} (vectors are unit length, so cosine = dot product). Near-duplicate shots (the same
 * scene cut twice) would otherwise fill a page with one question. A variant of the borderline feed,
 * so it sees every unlabelled clip rather than sharing the pool.
 */
final class DiverseBorderlineFeed implements FeedStrategy {
  static final double MAX_COSINE = 0.95;

  /** Candidates examined per clip wanted. */
  static final int CANDIDATES_PER_ITEM = 5;

  @Override
  public String id() {
    return "borderline-diverse";
  }

  @Override
  public String name() {
    return "Borderline, varied";
  }

  @Override
  public String hint() {
    return "undecided clips, no two alike";
  }

  @Override
  public boolean sharesRows() {
    return false;
  }

  @Override
  public int[] select(FeedInput input, int k, IntPredicate excluded) {
    if (input.vectors() == null) {
      throw new IllegalArgumentException("the " + id() + " feed needs the clips' vectors");
    }
    int[] candidates =
        Selections.nearest(
            input.probabilities(),
            input.threshold(),
            Math.multiplyExact(k, CANDIDATES_PER_ITEM),
            excluded);
    List<float[]> keptVectors = new ArrayList<>();
    int[] kept = new int[Math.min(k, candidates.length)];
    int count = 0;
    for (int row : candidates) {
      if (count == kept.length) {
        break;
      }
      float[] v = input.vectors().row(row);
      if (keptVectors.stream().allMatch(u -> VectorMath.dot(u, v) <= MAX_COSINE)) {
        keptVectors.add(v);
        kept[count++] = row;
      }
    }
    return Arrays.copyOf(kept, count);
  }
}

package org.videoannotator.server.builds;

import org.videoannotator.core.vectors.VectorMath;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.learn.Feeds;
import org.videoannotator.learn.Selections;

/**
 * The borderline feed without near-duplicates: walk the clips nearest the decision threshold in
 * order and keep one only if its cosine similarity to every clip already kept is at most
 * {@link #MAX_COSINE} (vectors are L2-normalised, so cosine = dot product). Near-duplicate shots
 * (the same scene cut twice) would otherwise fill a page with one question.
 */
public final class DiverseBorderline {
  public static final double MAX_COSINE = 0.95;
  /** Candidates examined per clip wanted. */
  static final int CANDIDATES_PER_ITEM = 5;

  private DiverseBorderline() {}

  /** Up to {@code k} rows, borderline order, pairwise cosine <= {@link #MAX_COSINE}. */
  public static int[] select(float[] probabilities, FloatMatrix vectors, int k, IntPredicate excluded) {
    return select(probabilities, vectors, k, excluded, Feeds.THRESHOLD);
  }

  /** As {@link #select(float[], FloatMatrix, int, IntPredicate)}, nearest {@code threshold}. */
  public static int[] select(
      float[] probabilities, FloatMatrix vectors, int k, IntPredicate excluded, double threshold) {
    int[] candidates = Selections.nearest(probabilities, threshold, Math.multiplyExact(k, CANDIDATES_PER_ITEM), excluded);
    List<float[]> keptVectors = new ArrayList<>();
    int[] kept = new int[Math.min(k, candidates.length)];
    int count = 0;
    for (int row : candidates) {
      if (count == kept.length) {
        break;
      }
      float[] v = vectors.row(row);
      if (keptVectors.stream().allMatch(u -> VectorMath.dot(u, v) <= MAX_COSINE)) {
        keptVectors.add(v);
        kept[count++] = row;
      }
    }
    return java.util.Arrays.copyOf(kept, count);
  }
}

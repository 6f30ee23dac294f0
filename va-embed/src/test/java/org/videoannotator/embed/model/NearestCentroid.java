package org.videoannotator.embed.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.videoannotator.core.vectors.VectorMath;

/** Nearest-centroid classification by cosine, the tests' measure of how well vectors separate. */
public final class NearestCentroid {
  private NearestCentroid() {}

  /**
   * Share of {@code test} items whose nearest class centroid (built from {@code train}) is theirs.
   */
  public static <S, T> double accuracy(
      List<S> train, List<S> test, Function<S, T> label, Function<S, float[]> vector) {
    Map<T, float[]> centroids = new HashMap<>();
    for (S s : train) {
      float[] v = vector.apply(s);
      float[] c = centroids.computeIfAbsent(label.apply(s), k -> new float[v.length]);
      for (int i = 0; i < c.length; i++) {
        c[i] += v[i];
      }
    }
    centroids.values().forEach(VectorMath::normalizeInPlace);
    int right = 0;
    for (S s : test) {
      T best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (var e : centroids.entrySet()) {
        double score = VectorMath.dot(e.getValue(), vector.apply(s));
        if (score > bestScore) {
          bestScore = score;
          best = e.getKey();
        }
      }
      right += label.apply(s).equals(best) ? 1 : 0;
    }
    return (double) right / test.size();
  }
}

package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.videoannotator.core.vectors.FloatMatrix;

class KMeansTest {
  @Test
  void recoversWellSeparatedClustersReproducibly() {
    int k = 10;
    int perCluster = 200;
    int dim = 16;
    SplittableRandom r = new SplittableRandom(4);
    float[] data = new float[k * perCluster * dim];
    int[] truth = new int[k * perCluster];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = i % k;
      for (int j = 0; j < dim; j++) {
        float centre = j == truth[i] ? 10f : 0f;
        data[i * dim + j] = centre + (float) (r.nextGaussian() * 0.3);
      }
    }
    FloatMatrix m = FloatMatrix.ofHeap(data, truth.length, dim);
    KMeans.Result a = KMeans.fit(m, k, 1, 500, 50);
    // each true cluster maps to exactly one found cluster and vice versa
    int[] map = new int[k];
    java.util.Arrays.fill(map, -1);
    boolean[] used = new boolean[k];
    for (int i = 0; i < truth.length; i++) {
      int found = a.clusters()[i];
      if (map[truth[i]] == -1) {
        map[truth[i]] = found;
        assertEquals(false, used[found], "two true clusters merged");
        used[found] = true;
      }
      assertEquals(map[truth[i]], found, "row " + i);
    }
    assertArrayEquals(a.clusters(), KMeans.fit(m, k, 1, 500, 50).clusters());
  }
}

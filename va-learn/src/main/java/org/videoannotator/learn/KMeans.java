package org.videoannotator.learn;

import java.util.SplittableRandom;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * Seeded k-means (k-means++ seeding, Lloyd iterations) over the rows of a {@link FloatMatrix}, for
 * corpora that come without clusters (the diversity score needs a cluster per shot). Large corpora
 * are clustered on a seeded sample of rows; every row is then assigned to its nearest centroid.
 */
public final class KMeans {
  /** The protocol's cluster count. */
  public static final int DEFAULT_K = 10;

  /** Rows used to fit the centroids at most. */
  public static final int DEFAULT_SAMPLE = 20_000;

  /** Lloyd iterations at most. */
  public static final int DEFAULT_ITERATIONS = 50;

  /** Centroids ({@code k x dim}) and the cluster of every matrix row. */
  public record Result(float[][] centroids, int[] clusters) {}

  private KMeans() {}

  /** {@link #fit(FloatMatrix, int, long, int, int)} with the defaults. */
  public static Result fit(FloatMatrix matrix, long seed) {
    return fit(matrix, DEFAULT_K, seed, DEFAULT_SAMPLE, DEFAULT_ITERATIONS);
  }

  /** Clusters {@code matrix} into {@code k} clusters (fewer rows than k: each row its own). */
  public static Result fit(FloatMatrix matrix, int k, long seed, int sampleSize, int iterations) {
    if (k < 1 || sampleSize < 1 || iterations < 1) {
      throw new IllegalArgumentException(
          "bad k-means options: k=" + k + " sample=" + sampleSize + " iterations=" + iterations);
    }
    int n = matrix.rows();
    int dim = matrix.dim();
    if (n == 0) {
      return new Result(new float[0][], new int[0]);
    }
    SplittableRandom random = new SplittableRandom(seed);
    float[][] sample = sampleRows(matrix, Math.min(n, sampleSize), random);
    int kk = Math.min(k, sample.length);
    float[][] centroids = seedPlusPlus(sample, kk, random);
    int[] assign = new int[sample.length];
    for (int iter = 0; iter < iterations; iter++) {
      boolean changed = false;
      for (int i = 0; i < sample.length; i++) {
        int c = nearest(centroids, sample[i]);
        if (c != assign[i]) {
          changed = true;
          assign[i] = c;
        }
      }
      recompute(centroids, sample, assign, dim);
      if (!changed && iter > 0) {
        break;
      }
    }
    int[] clusters = new int[n];
    ParallelRows.forEach(
        n,
        ParallelRows.defaultThreads(),
        (from, to) -> {
          float[] row = new float[dim];
          for (int r = from; r < to; r++) {
            matrix.copyRow(r, row);
            clusters[r] = nearest(centroids, row);
          }
        });
    return new Result(centroids, clusters);
  }

  private static float[][] sampleRows(FloatMatrix matrix, int m, SplittableRandom random) {
    int n = matrix.rows();
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    // partial Fisher-Yates: the first m entries become a uniform sample
    for (int i = 0; i < m; i++) {
      int j = i + random.nextInt(n - i);
      int t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
    }
    float[][] out = new float[m][];
    for (int i = 0; i < m; i++) {
      out[i] = matrix.row(rows[i]);
    }
    return out;
  }

  private static float[][] seedPlusPlus(float[][] points, int k, SplittableRandom random) {
    float[][] centroids = new float[k][];
    centroids[0] = points[random.nextInt(points.length)].clone();
    double[] d2 = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      d2[i] = distance2(points[i], centroids[0]);
    }
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (double v : d2) {
        total += v;
      }
      int pick = 0;
      if (total > 0) {
        double u = random.nextDouble() * total;
        double acc = 0;
        for (pick = 0; pick < points.length - 1; pick++) {
          acc += d2[pick];
          if (acc > u) {
            break;
          }
        }
      } else {
        pick = random.nextInt(points.length);
      }
      centroids[c] = points[pick].clone();
      for (int i = 0; i < points.length; i++) {
        d2[i] = Math.min(d2[i], distance2(points[i], centroids[c]));
      }
    }
    return centroids;
  }

  private static void recompute(float[][] centroids, float[][] points, int[] assign, int dim) {
    double[][] sums = new double[centroids.length][dim];
    int[] counts = new int[centroids.length];
    for (int i = 0; i < points.length; i++) {
      counts[assign[i]]++;
      double[] s = sums[assign[i]];
      for (int j = 0; j < dim; j++) {
        s[j] += points[i][j];
      }
    }
    for (int c = 0; c < centroids.length; c++) {
      if (counts[c] == 0) {
        continue; // an empty cluster keeps its centroid
      }
      for (int j = 0; j < dim; j++) {
        centroids[c][j] = (float) (sums[c][j] / counts[c]);
      }
    }
  }

  /** The index of the centroid nearest to {@code x} (lowest index on ties). */
  public static int nearest(float[][] centroids, float[] x) {
    int best = 0;
    double bestD = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      double d = distance2(centroids[c], x);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return best;
  }

  private static double distance2(float[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double d = a[j] - b[j];
      s += d * d;
    }
    return s;
  }
}

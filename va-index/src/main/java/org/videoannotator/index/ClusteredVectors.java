package org.videoannotator.index;

import java.util.SplittableRandom;

/**
 * Seeded synthetic embeddings with the structure of real ones: unit vectors scattered around {@code
 * clusters} random centres. Rows are produced in order, so a data set of any size can be generated
 * batch by batch without holding it on the heap; the same seed gives the same rows.
 */
public final class ClusteredVectors {
  private final float[][] centres;
  private final double spread;
  private final SplittableRandom random;

  /**
   * @param spread noise per coordinate relative to the centres' (unit Gaussian) coordinates: 0 puts
   *     every row on its centre, 1 gives within-cluster cosines around 0.5
   * @param centreSeed seeds the centres; use the same for a data set and its queries
   * @param rowSeed seeds the rows; use different ones for a data set and its queries
   */
  public ClusteredVectors(int dim, int clusters, double spread, long centreSeed, long rowSeed) {
    if (dim < 1 || clusters < 1 || !(spread >= 0)) {
      throw new IllegalArgumentException(
          "bad clustered vectors: dim " + dim + ", clusters " + clusters + ", spread " + spread);
    }
    SplittableRandom centreRandom = new SplittableRandom(centreSeed);
    this.centres = new float[clusters][dim];
    for (float[] c : centres) {
      for (int i = 0; i < dim; i++) {
        c[i] = (float) gaussian(centreRandom);
      }
    }
    this.spread = spread;
    this.random = new SplittableRandom(rowSeed);
  }

  /** The next {@code n} rows, each L2-normalised. */
  public float[][] next(int n) {
    int dim = centres[0].length;
    float[][] out = new float[n][dim];
    for (int r = 0; r < n; r++) {
      float[] c = centres[random.nextInt(centres.length)];
      double sum = 0;
      for (int i = 0; i < dim; i++) {
        float x = (float) (c[i] + spread * gaussian(random));
        out[r][i] = x;
        sum += (double) x * x;
      }
      float scale = (float) (1 / Math.sqrt(sum));
      for (int i = 0; i < dim; i++) {
        out[r][i] *= scale;
      }
    }
    return out;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble(); // (0, 1]: log stays finite
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

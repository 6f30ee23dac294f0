package org.videoannotator.learn;

import org.videoannotator.core.vectors.PairwiseSum;

/**
 * Regenerates make_golden.py's embedding-like training data from its seed with the ported
 * RandomState: unit-norm rows of Gaussian noise plus or minus {@code sep} times a random direction,
 * positives first (stable), then a 400-row validation sample.
 */
final class EmbeddingLikeData {
  final float[][] x;
  final boolean[] y;
  final float[][] xv;
  final boolean[] yv;

  EmbeddingLikeData(long seed, int n, int d, double rate, double sep) {
    NumpyRandomState rs = new NumpyRandomState(seed);
    double[] direction = rs.standardNormal(d);
    boolean[] y0 = new boolean[n];
    float[][] x0 = sample(rs, n, d, rate, sep, direction, y0);
    x = new float[n][];
    y = new boolean[n];
    int at = 0;
    for (boolean wantPositive : new boolean[] {true, false}) {
      for (int i = 0; i < n; i++) {
        if (y0[i] == wantPositive) {
          x[at] = x0[i];
          y[at++] = y0[i];
        }
      }
    }
    yv = new boolean[400];
    xv = sample(rs, 400, d, rate, sep, direction, yv);
  }

  private static float[][] sample(
      NumpyRandomState rs, int m, int d, double rate, double sep, double[] direction, boolean[] y) {
    double[] u = rs.randomSample(m);
    for (int i = 0; i < m; i++) {
      y[i] = u[i] < rate;
    }
    double[] noise = rs.standardNormal(m * d);
    float[][] out = new float[m][d];
    double[] row = new double[d];
    double[] squares = new double[d];
    for (int i = 0; i < m; i++) {
      double sign = y[i] ? 1.0 : -1.0;
      for (int j = 0; j < d; j++) {
        row[j] = noise[i * d + j] + sep * (sign * direction[j]);
        squares[j] = row[j] * row[j];
      }
      double norm = Math.sqrt(PairwiseSum.sum(squares));
      for (int j = 0; j < d; j++) {
        out[i][j] = (float) (row[j] / norm);
      }
    }
    return out;
  }
}

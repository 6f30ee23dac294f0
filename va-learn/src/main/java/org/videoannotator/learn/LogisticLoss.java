package org.videoannotator.learn;

/**
 * The objective scikit-learn's lbfgs logistic regression minimises, for labels in {-1, +1}: {@code
 * sum_i log(1 + exp(-y_i (w.x_i + b))) + ||w||^2 / (2C)}. The intercept {@code b} (the last
 * parameter) is not penalised. Rows are held as one flat row-major float array
 * (embeddings are float32, so nothing is lost); arithmetic is in double. One pass over the rows
 * computes the loss and the gradient together, so each row is read from memory once.
 */
final class LogisticLoss implements LbfgsMinimizer.Objective {
  private final float[] x;
  private final double[] sign;
  private final int rows;
  private final int dim;
  private final double alpha;
  private final DotProducts dots = DotProducts.best();

  /** {@code x}: {@code rows x dim} row-major; {@code positive[i]} is row i's label. */
  LogisticLoss(float[] x, boolean[] positive, int dim, double c) {
    if (!(c > 0)) {
      throw new IllegalArgumentException("C must be positive, got " + c);
    }
    this.x = x;
    this.rows = positive.length;
    this.dim = dim;
    this.sign = new double[rows];
    for (int i = 0; i < rows; i++) {
      sign[i] = positive[i] ? 1.0 : -1.0;
    }
    this.alpha = 1.0 / c;
  }

  /** Rows per block: their margins are computed, then their terms, then their gradient share. */
  private static final int BLOCK = 128;

  @Override
  public double valueAndGradient(double[] w, double[] grad) {
    double bias = w[dim];
    double penalty = 0;
    for (int j = 0; j < dim; j++) {
      grad[j] = alpha * w[j];
      penalty += w[j] * w[j];
    }
    double loss = 0;
    double biasGrad = 0;
    double[] margin = new double[Math.min(BLOCK, rows)];
    double[] factor = new double[margin.length];
    // Margins in double: the loss value must be exact to about 1e-15 relative, since L-BFGS stops
    // on a relative decrease of 2e-9. The gradient may be rounder (it only steers): its products and
    // one block's sums are in float (twice the SIMD lanes), each block's share then added to the
    // double gradient, so rounding stays at one block's worth (128 rows), not the whole set's.
    float[] blockGrad = new float[dim];
    int[] offsets = new int[margin.length];
    double[] z = new double[margin.length];
    float[] coef = new float[margin.length];
    for (int start = 0; start < rows; start += BLOCK) {
      int n = Math.min(BLOCK, rows - start);
      for (int i = 0; i < n; i++) {
        offsets[i] = (start + i) * dim;
      }
      dots.dots(x, offsets, n, w, dim, z);
      for (int i = 0; i < n; i++) {
        margin[i] = sign[start + i] * (z[i] + bias);
      }
      loss += LogisticTerms.terms(margin, factor, n);
      java.util.Arrays.fill(blockGrad, 0f);
      for (int i = 0; i < n; i++) {
        double r = factor[i] * sign[start + i];
        biasGrad += r;
        coef[i] = (float) r;
      }
      dots.axpys(coef, x, offsets, n, blockGrad, dim);
      for (int j = 0; j < dim; j++) {
        grad[j] += blockGrad[j];
      }
    }
    grad[dim] = biasGrad;
    return loss + 0.5 * alpha * penalty;
  }

  static double sigmoid(double t) {
    if (t >= 0) {
      return 1.0 / (1.0 + StrictMath.exp(-t));
    }
    double e = StrictMath.exp(t);
    return e / (1.0 + e);
  }
}

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
    for (int i = 0; i < rows; i++) {
      double z = dots.dot(x, i * dim, w, dim) + bias;
      double yz = sign[i] * z;
      // one exp serves both the loss log(1 + exp(-yz)) and its derivative (sigmoid(yz) - 1) * y
      // StrictMath: Math.exp/log1p may differ by an ulp between interpreted and compiled code,
      // which would make the same training set give different models within one JVM
      double e = StrictMath.exp(-Math.abs(yz));
      double r;
      if (yz >= 0) {
        loss += StrictMath.log1p(e);
        r = -e / (1.0 + e) * sign[i];
      } else {
        loss += -yz + StrictMath.log1p(e);
        r = -1.0 / (1.0 + e) * sign[i];
      }
      biasGrad += r;
      dots.axpy(r, x, i * dim, grad, dim);
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

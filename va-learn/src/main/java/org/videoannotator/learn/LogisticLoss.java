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
      loss += logOnePlusExpNeg(yz);
      // d loss / d z = (sigmoid(yz) - 1) * y
      double r = (sigmoid(yz) - 1.0) * sign[i];
      biasGrad += r;
      dots.axpy(r, x, i * dim, grad, dim);
    }
    grad[dim] = biasGrad;
    return loss + 0.5 * alpha * penalty;
  }

  /** {@code log(1 + exp(-t))} without overflow. */
  static double logOnePlusExpNeg(double t) {
    return t > 0 ? Math.log1p(Math.exp(-t)) : -t + Math.log1p(Math.exp(t));
  }

  static double sigmoid(double t) {
    if (t >= 0) {
      return 1.0 / (1.0 + Math.exp(-t));
    }
    double e = Math.exp(t);
    return e / (1.0 + e);
  }
}

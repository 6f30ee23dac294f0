package org.videoannotator.learn;

/**
 * The objective scikit-learn's lbfgs logistic regression minimises, for labels in {-1, +1}: {@code
 * sum_i log(1 + exp(-y_i (w.x_i + b))) + ||w||^2 / (2C)}. The intercept {@code b} (the last
 * parameter) is not penalised. Rows are held as one flat row-major double array.
 */
final class LogisticLoss implements LbfgsMinimizer.Objective {
  private final double[] x;
  private final double[] sign;
  private final int rows;
  private final int dim;
  private final double alpha;
  private final double[] residual;

  /** {@code x}: {@code rows x dim} row-major; {@code positive[i]} is row i's label. */
  LogisticLoss(double[] x, boolean[] positive, int dim, double c) {
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
    this.residual = new double[rows];
  }

  @Override
  public double valueAndGradient(double[] w, double[] grad) {
    double bias = w[dim];
    double loss = 0;
    double biasGrad = 0;
    for (int i = 0; i < rows; i++) {
      double z = rowDot(i, w) + bias;
      double yz = sign[i] * z;
      loss += logOnePlusExpNeg(yz);
      // d loss / d z = (sigmoid(yz) - 1) * y
      double r = (sigmoid(yz) - 1.0) * sign[i];
      residual[i] = r;
      biasGrad += r;
    }
    double penalty = 0;
    for (int j = 0; j < dim; j++) {
      grad[j] = alpha * w[j];
      penalty += w[j] * w[j];
    }
    for (int i = 0; i < rows; i++) {
      double r = residual[i];
      int base = i * dim;
      for (int j = 0; j < dim; j++) {
        grad[j] += r * x[base + j];
      }
    }
    grad[dim] = biasGrad;
    return loss + 0.5 * alpha * penalty;
  }

  private double rowDot(int row, double[] w) {
    int base = row * dim;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < dim; j += 4) {
      s0 += x[base + j] * w[j];
      s1 += x[base + j + 1] * w[j + 1];
      s2 += x[base + j + 2] * w[j + 2];
      s3 += x[base + j + 3] * w[j + 3];
    }
    for (; j < dim; j++) {
      s0 += x[base + j] * w[j];
    }
    return (s0 + s1) + (s2 + s3);
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

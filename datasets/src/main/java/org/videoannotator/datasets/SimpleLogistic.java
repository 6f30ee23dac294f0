package org.videoannotator.datasets;

import java.util.Arrays;
import java.util.List;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * A small L2-regularised logistic regression fitted by full-batch gradient descent, for the
 * generator's simulated annotator only (the project's real learner lives in va-learn, which this
 * module must not depend on). Inputs are unit-norm embeddings, so a fixed step size is stable.
 * Warm-starts from the previous fit, as a session retrains after each batch. Not thread-safe.
 */
final class SimpleLogistic {
  private static final double STEP = 2.0;
  private static final double L2 = 1e-3;

  private final double[] weights;
  private double bias;

  SimpleLogistic(int dim) {
    this.weights = new double[dim];
  }

  /** Runs {@code steps} gradient steps on rows {@code rows} of {@code x} with targets {@code y}. */
  void fit(FloatMatrix x, List<Integer> rows, boolean[] y, int steps) {
    int n = rows.size();
    int dim = weights.length;
    float[][] data = new float[n][];
    for (int i = 0; i < n; i++) {
      data[i] = x.row(rows.get(i));
    }
    double[] grad = new double[dim];
    for (int step = 0; step < steps; step++) {
      Arrays.fill(grad, 0);
      double gradBias = 0;
      for (int i = 0; i < n; i++) {
        double p = sigmoid(logit(data[i]));
        double err = p - (y[i] ? 1 : 0);
        for (int d = 0; d < dim; d++) {
          grad[d] += err * data[i][d];
        }
        gradBias += err;
      }
      for (int d = 0; d < dim; d++) {
        weights[d] -= STEP * (grad[d] / n + L2 * weights[d]);
      }
      bias -= STEP * gradBias / n;
    }
  }

  double logit(float[] row) {
    double s = bias;
    for (int d = 0; d < weights.length; d++) {
      s += weights[d] * row[d];
    }
    return s;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}

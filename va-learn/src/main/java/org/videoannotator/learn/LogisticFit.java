package org.videoannotator.learn;

import org.videoannotator.core.vectors.FloatMatrix;

/**
 * One L2 logistic regression at a given C, without cross-validation: for auxiliary models whose C
 * is not tuned for ranking (the estimators' selection model), fitted as the protocol's models are
 * (the same objective, minimiser and tolerances, the server's float gradient).
 */
public final class LogisticFit {
  private LogisticFit() {}

  /**
   * Fits rows {@code rows} of {@code matrix} with labels {@code y} at {@code c}: the weights, then
   * the intercept.
   */
  public static double[] at(FloatMatrix matrix, int[] rows, boolean[] y, double c) {
    if (rows.length != y.length) {
      throw new IllegalArgumentException(rows.length + " rows but " + y.length + " labels");
    }
    LogisticRegressionCv.Options defaults = LogisticRegressionCv.Options.defaults();
    double[] w = new double[matrix.dim() + 1];
    LbfgsMinimizer.minimize(
        new LogisticLoss(LogisticRegressionCv.gather(matrix, rows), y, matrix.dim(), c),
        w,
        defaults.gtol(),
        LbfgsMinimizer.SCIPY_FTOL,
        defaults.maxIter());
    return w;
  }
}

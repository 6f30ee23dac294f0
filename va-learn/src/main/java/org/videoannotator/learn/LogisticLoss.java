package org.videoannotator.learn;

import java.util.Arrays;
import org.videoannotator.core.vectors.DotProducts;

/**
 * The objective scikit-learn's lbfgs logistic regression minimises, for labels in {-1, +1}: {@code
 * sum_i log(1 + exp(-y_i (w.x_i + b))) + ||w||^2 / (2C)}. The intercept {@code b} (the last
 * parameter) is not penalised. Rows are held as one flat row-major float array (embeddings are
 * float32, so nothing is lost); the loss is summed in double.
 *
 * <p>Along a line search it keeps the rows' decision values {@code z = Xw + b} and moves them:
 * {@code z(w + t d) = z(w) + t (Xd + d_b)}, with {@code Xd} computed once per line (in float, or in
 * double with the double gradient: the replays, where float moved large-C fits by 1e-5), and each
 * trial's slope {@code g.d} from the rows' loss derivatives without the gradient. So a search costs
 * one cheap pass for {@code Xd} and one gradient pass for the accepted point, instead of a
 * double-precision {@code Xw} and a gradient per trial. The decision values at the start of a
 * minimisation are exact (double); each step adds rounding of about 1e-7 times that step, which
 * vanishes as the steps do, so the relative decrease L-BFGS stops on (2e-9) is measured without
 * noise.
 */
final class LogisticLoss implements LbfgsMinimizer.Objective {
  /** Rows per block: their terms, then their gradient share. */
  private static final int BLOCK = 128;

  private final float[] x;
  private final double[] sign;
  private final int rows;
  private final int dim;
  private final double alpha;
  private final DotProducts dots = DotProducts.best();
  private final int[] offsets;

  /** Decision values {@code x_i.w + b} at the point the objective last settled on. */
  private final double[] z;

  private boolean settled;
  private final double[] step;
  private final double[] trial;

  /** Each row's loss derivative {@code r_i} at the last point evaluated. */
  private final double[] residual;

  private final float[] direction;
  private final double[] factor = new double[BLOCK];
  private final double[] margin = new double[BLOCK];
  private final float[] coef = new float[BLOCK];
  private final int[] blockOffsets = new int[BLOCK];

  /** Scratch for {@link #squareAndDot}. */
  private final double[] pair = new double[2];

  private final float[] blockGrad;

  /** Gradient summed in double, as the reference does (else in float within each block). */
  private final boolean doubleGradient;

  private final double[] coefDouble;

  /**
   * {@code x}: {@code rows x dim} row-major; {@code positive[i]} is row i's label; float gradient
   * blocks.
   */
  LogisticLoss(float[] x, boolean[] positive, int dim, double c) {
    this(x, positive, dim, c, false);
  }

  /**
   * As above; {@code doubleGradient}: the gradient's products and sums in double (the reference's
   * precision: small-C fits stop at {@code gtol} where float rounding would move the stop).
   */
  LogisticLoss(float[] x, boolean[] positive, int dim, double c, boolean doubleGradient) {
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
    this.offsets = new int[rows];
    for (int i = 0; i < rows; i++) {
      offsets[i] = i * dim;
    }
    this.z = new double[rows];
    this.step = new double[rows];
    this.trial = new double[rows];
    this.residual = new double[rows];
    this.direction = new float[dim];
    this.blockGrad = new float[dim];
    this.doubleGradient = doubleGradient;
    this.coefDouble = doubleGradient ? new double[BLOCK] : null;
  }

  /** Exact: the decision values of {@code w} in double, which the next line search starts from. */
  @Override
  public double valueAndGradient(double[] w, double[] grad) {
    settle(w);
    return fromDecisionValues(z, w, grad);
  }

  @Override
  public LbfgsMinimizer.Line along(double[] w, double[] d) {
    if (!settled) {
      settle(w);
    }
    if (doubleGradient) {
      // the reference's precision: X d in double. In float, each trial's decision values carry
      // ~1e-7 relative rounding, which moved large-C fits (hundreds of iterations) by 1e-5 from
      // scikit-learn's; in double they agree to 1e-9 or better.
      dots.dots(x, offsets, rows, d, dim, step);
    } else {
      for (int j = 0; j < dim; j++) {
        direction[j] = (float) d[j];
      }
      dots.dotsFloat(x, offsets, rows, direction, dim, step);
    }
    double biasStep = d[dim];
    for (int i = 0; i < rows; i++) {
      step[i] += biasStep;
    }
    return new LbfgsMinimizer.Line() {
      private double slope;
      private double at = Double.NaN;

      @Override
      public double value(double t, double[] wAt) {
        LbfgsMinimizer.pointAt(z, t, step, trial, rows);
        double loss = residuals(trial);
        // The slope along d without the gradient: g.d = sum_i r_i (x_i.d + d_b) + alpha w.d.
        double fromRows = sequentialDot(residual, step, rows);
        squareAndDot(wAt, d, dim, pair);
        double penalty = pair[0];
        double wd = pair[1];
        slope = fromRows + alpha * wd;
        at = t;
        return loss + 0.5 * alpha * penalty;
      }

      @Override
      public double slope() {
        return slope;
      }

      @Override
      public void gradient(double t, double[] wAt, double[] grad) {
        if (t != at) {
          value(t, wAt);
        }
        gradientFromResiduals(wAt, grad);
      }

      @Override
      public void moveTo(double t) {
        LbfgsMinimizer.pointAt(z, t, step, z, rows);
      }
    };
  }

  /**
   * {@code out = {sum w[j]^2, sum w[j] d[j]}} for {@code j < count}, in index order (one loop, two
   * chains).
   */
  private static void squareAndDot(double[] w, double[] d, int count, double[] out) {
    double square = 0;
    double dot = 0;
    for (int j = 0; j < count; j++) {
      square += w[j] * w[j];
      dot += w[j] * d[j];
    }
    out[0] = square;
    out[1] = dot;
  }

  /** {@code sum a[i] b[i]} for {@code i < count}, added in index order. */
  private static double sequentialDot(double[] a, double[] b, int count) {
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private void settle(double[] w) {
    dots.dots(x, offsets, rows, w, dim, z);
    for (int i = 0; i < rows; i++) {
      z[i] += w[dim];
    }
    settled = true;
  }

  /** Loss and gradient from the rows' decision values. */
  private double fromDecisionValues(double[] values, double[] w, double[] grad) {
    double loss = residuals(values);
    double penalty = 0;
    for (int j = 0; j < dim; j++) {
      penalty += w[j] * w[j];
    }
    gradientFromResiduals(w, grad);
    return loss + 0.5 * alpha * penalty;
  }

  /**
   * The data part of the loss for the rows' decision values, leaving each row's derivative {@code
   * r_i = d loss / d z_i} in {@link #residual}.
   */
  private double residuals(double[] values) {
    double loss = 0;
    for (int start = 0; start < rows; start += BLOCK) {
      int n = Math.min(BLOCK, rows - start);
      for (int i = 0; i < n; i++) {
        margin[i] = sign[start + i] * values[start + i];
      }
      loss += dots.logisticTerms(margin, factor, n);
      for (int i = 0; i < n; i++) {
        residual[start + i] = factor[i] * sign[start + i];
      }
    }
    return loss;
  }

  /**
   * {@code grad = X^T r + alpha w} (and the bias's {@code sum r}) from {@link #residual}. In double
   * when asked (the replays: at small C the fit stops on this gradient, and float rounding moved
   * the chosen C on near-ties); else its products and one block's sums are in float (twice the SIMD
   * lanes), each block's share then added to the double gradient: rounding stays at one block's
   * worth (128 rows), not the whole set's.
   */
  private void gradientFromResiduals(double[] w, double[] grad) {
    scaled(alpha, w, grad, dim);
    double biasGrad = 0;
    // The loops over a block's rows or the parameters are methods of their own, so that the JIT
    // compiles each once rather than this method again for every loop it enters interpreted.
    if (doubleGradient) {
      for (int start = 0; start < rows; start += BLOCK) {
        int n = Math.min(BLOCK, rows - start);
        biasGrad = blockCoefficientsDouble(start, n, biasGrad);
        dots.axpys(coefDouble, x, blockOffsets, n, grad, dim);
      }
      grad[dim] = biasGrad;
      return;
    }
    for (int start = 0; start < rows; start += BLOCK) {
      int n = Math.min(BLOCK, rows - start);
      Arrays.fill(blockGrad, 0f);
      biasGrad = blockCoefficients(start, n, biasGrad);
      dots.axpys(coef, x, blockOffsets, n, blockGrad, dim);
      addFloats(blockGrad, grad, dim);
    }
    grad[dim] = biasGrad;
  }

  /**
   * Fills {@link #coef} and {@link #blockOffsets} for rows {@code start..start+n}; adds their
   * residuals to {@code biasGrad}.
   */
  private double blockCoefficients(int start, int n, double biasGrad) {
    for (int i = 0; i < n; i++) {
      double r = residual[start + i];
      biasGrad += r;
      coef[i] = (float) r;
      blockOffsets[i] = offsets[start + i];
    }
    return biasGrad;
  }

  /** {@link #blockCoefficients} with the residuals kept in double. */
  private double blockCoefficientsDouble(int start, int n, double biasGrad) {
    for (int i = 0; i < n; i++) {
      double r = residual[start + i];
      biasGrad += r;
      coefDouble[i] = r;
      blockOffsets[i] = offsets[start + i];
    }
    return biasGrad;
  }

  private static void scaled(double a, double[] v, double[] out, int count) {
    for (int j = 0; j < count; j++) {
      out[j] = a * v[j];
    }
  }

  private static void addFloats(float[] v, double[] sum, int count) {
    for (int j = 0; j < count; j++) {
      sum[j] += v[j];
    }
  }

  static double sigmoid(double t) {
    if (t >= 0) {
      return 1.0 / (1.0 + StrictMath.exp(-t));
    }
    double e = StrictMath.exp(t);
    return e / (1.0 + e);
  }
}

package org.videoannotator.learn;

/**
 * Limited-memory BFGS for smooth convex objectives, with the stopping rules of scipy's L-BFGS-B as
 * scikit-learn calls it: stop when the largest gradient component is at most {@code gtol}, when
 * the relative decrease of the objective falls to {@code ftol}, or after {@code maxIter}
 * iterations. Like scipy's, the line search tries the unit step first (1/|g| on the first
 * iteration) and accepts a step meeting the strong Wolfe conditions (sufficient decrease 1e-3,
 * curvature 0.9), extrapolating when the step is too short; see {@link WolfeLineSearch}. Curvature
 * pairs that are not positive are skipped, which keeps the inverse-Hessian estimate positive
 * definite.
 */
final class LbfgsMinimizer {
  /** An objective: writes the gradient at {@code x} into {@code grad} and returns the value. */
  interface Objective {
    double valueAndGradient(double[] x, double[] grad);

    /**
     * Evaluations along the line {@code x + t d} for the coming line search, for objectives that
     * can share work between them (null: every trial is a plain {@link #valueAndGradient}).
     * {@code x} is the last point the objective was evaluated at or moved to.
     */
    default Line along(double[] x, double[] d) {
      return null;
    }
  }

  /**
   * An objective restricted to a search line: trials need only the value and the slope along
   * {@code d}, so the full gradient is computed once, for the point the search accepts.
   */
  interface Line {
    /** The value at {@code x + t d} ({@code xAt} holds that point); {@link #slope()} is then its slope. */
    double value(double t, double[] xAt);

    /** The directional derivative along {@code d} at the point of the last {@link #value} call. */
    double slope();

    /** The full gradient at {@code x + t d}, a point already passed to {@link #value}. */
    void gradient(double t, double[] xAt, double[] grad);

    /** The search ended at step {@code t}: the next line starts there. */
    void moveTo(double t);
  }

  /** scipy's default {@code ftol} (factr 1e7 times machine epsilon). */
  static final double SCIPY_FTOL = 1e7 * Math.ulp(1.0);

  private static final int HISTORY = 10;

  /** Result of a minimisation: the minimiser (in the array passed in), value and iterations. */
  record Result(double value, int iterations, boolean converged) {}

  private LbfgsMinimizer() {}

  /**
   * Minimises {@code f} starting from {@code x}, which is overwritten with the minimiser.
   *
   * <p>The loop itself only calls out: every pass over the parameters is in {@link History} or a
   * helper. A loop over all parameters here would make the JIT compile this method on-stack, once
   * per loop, each time with every inlined vector dot product: a second of compiling on a short
   * replay.
   */
  static Result minimize(Objective f, double[] x, double gtol, double ftol, int maxIter) {
    int n = x.length;
    History history = new History(n);
    double[] g = new double[n];
    double[] gNew = new double[n];
    double[] d = new double[n];
    double[] xNew = new double[n];
    WolfeLineSearch lineSearch = new WolfeLineSearch(n);
    double fx = f.valueAndGradient(x, g);
    if (maxAbs(g) <= gtol) {
      return new Result(fx, 0, true);
    }
    for (int iter = 1; iter <= maxIter; iter++) {
      double slope = history.direction(g, d);
      double step = history.isEmpty() ? Math.min(1.0, 1.0 / Math.sqrt(dot(g, g))) : 1.0;
      Line line = f.along(x, d);
      double fNew = lineSearch.search(f, line, x, fx, slope, d, step, xNew, gNew);
      if (Double.isNaN(fNew)) {
        return new Result(fx, iter, false);
      }
      if (line != null) {
        line.moveTo(lineSearch.acceptedStep());
      }
      history.remember(x, xNew, g, gNew);
      double fOld = fx;
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      fx = fNew;
      if (maxAbs(g) <= gtol) {
        return new Result(fx, iter, true);
      }
      if ((fOld - fx) / Math.max(Math.max(Math.abs(fOld), Math.abs(fx)), 1.0) <= ftol) {
        return new Result(fx, iter, true);
      }
    }
    return new Result(fx, maxIter, false);
  }

  /** The last {@value #HISTORY} curvature pairs, newest last, and the search direction they give. */
  private static final class History {
    private final double[][] s = new double[HISTORY][];
    private final double[][] y = new double[HISTORY][];
    private final double[] rho = new double[HISTORY];
    private final double[] alpha = new double[HISTORY];
    /** The newest pair's {@code s.y / y.y}, the initial inverse-Hessian scale. */
    private double gamma;
    private int stored;
    private int newest = -1;
    /** The candidate pair, swapped into the history when its curvature is positive. */
    private double[] sNext;
    private double[] yNext;

    History(int n) {
      for (int k = 0; k < HISTORY; k++) {
        s[k] = new double[n];
        y[k] = new double[n];
      }
      sNext = new double[n];
      yNext = new double[n];
    }

    boolean isEmpty() {
      return stored == 0;
    }

    /**
     * Writes the two-loop recursion's {@code d = -H g} and returns its slope {@code g.d}; when
     * that is not a descent direction (numerical trouble) forgets the pairs and restarts from
     * steepest descent.
     */
    double direction(double[] g, double[] d) {
      negate(g, d);
      for (int k = 0; k < stored; k++) {
        int j = Math.floorMod(newest - k, HISTORY);
        alpha[j] = rho[j] * dot(s[j], d);
        axpy(-alpha[j], y[j], d);
      }
      if (stored > 0) {
        scale(gamma, d);
      }
      for (int k = stored - 1; k >= 0; k--) {
        int j = Math.floorMod(newest - k, HISTORY);
        double beta = rho[j] * dot(y[j], d);
        axpy(alpha[j] - beta, s[j], d);
      }
      double slope = dot(g, d);
      if (!(slope < 0)) {
        stored = 0;
        negate(g, d);
        slope = dot(g, d);
      }
      return slope;
    }

    /** Keeps the step's pair {@code (xNew - x, gNew - g)} if its curvature is positive. */
    void remember(double[] x, double[] xNew, double[] g, double[] gNew) {
      for (int i = 0; i < x.length; i++) {
        sNext[i] = xNew[i] - x[i];
        yNext[i] = gNew[i] - g[i];
      }
      double sy = dot(sNext, yNext);
      double yy = dot(yNext, yNext);
      if (!(sy > 1e-10 * yy)) {
        return;
      }
      int slot = (newest + 1) % HISTORY;
      double[] swap = s[slot];
      s[slot] = sNext;
      sNext = swap;
      swap = y[slot];
      y[slot] = yNext;
      yNext = swap;
      rho[slot] = 1.0 / sy;
      gamma = sy / yy;
      newest = slot;
      stored = Math.min(stored + 1, HISTORY);
    }
  }

  private static void negate(double[] from, double[] to) {
    for (int i = 0; i < from.length; i++) {
      to[i] = -from[i];
    }
  }

  private static void scale(double a, double[] v) {
    for (int i = 0; i < v.length; i++) {
      v[i] *= a;
    }
  }

  /** Dot product of two parameter vectors (the two-loop recursion's dozens per iteration). */
  static double dot(double[] a, double[] b) {
    return DotProducts.best().dot(a, b);
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double e : v) {
      m = Math.max(m, Math.abs(e));
    }
    return m;
  }
}

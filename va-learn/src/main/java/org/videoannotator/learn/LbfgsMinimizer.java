package org.videoannotator.learn;

import org.videoannotator.core.vectors.DotProducts;

/**
 * Limited-memory BFGS for smooth convex objectives, following scipy's L-BFGS-B (v3.0) as
 * scikit-learn calls it without bounds, step for step: stop when the largest gradient component is
 * at most {@code gtol}, when the decrease of the objective falls to {@code ftol} times its size, or
 * after {@code maxIter} iterations; the first trial step is {@code 1/|d|} on the first iteration
 * and 1 after it; Moré and Thuente's line search ({@link WolfeLineSearch}); a curvature pair is
 * kept when {@code s.y > eps (-g.s)}, with {@code s.y} measured from the slopes along the
 * direction; a failed search or an ascent direction forgets the pairs and restarts. The direction
 * comes from the two-loop recursion (the same quasi-Newton step as L-BFGS-B's compact form, up to
 * rounding). Fits stopped at {@code gtol} keep whatever differs in the iterates, so these details
 * decide whether a replay's small validation rankings match the reference's.
 */
final class LbfgsMinimizer {
  /** An objective: writes the gradient at {@code x} into {@code grad} and returns the value. */
  interface Objective {
    double valueAndGradient(double[] x, double[] grad);

    /**
     * Evaluations along the line {@code x + t d} for the coming line search, for objectives that
     * can share work between them (null: every trial is a plain {@link #valueAndGradient}). {@code
     * x} is the last point the objective was evaluated at or moved to.
     */
    default Line along(double[] x, double[] d) {
      return null;
    }
  }

  /**
   * An objective restricted to a search line: trials need only the value and the slope along {@code
   * d}, so the full gradient is computed once, for the point the search accepts.
   */
  interface Line {
    /**
     * The value at {@code x + t d} ({@code xAt} holds that point); {@link #slope()} is then its
     * slope.
     */
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

  /** Minimises {@code f} starting from {@code x}, which is overwritten with the minimiser. */
  static Result minimize(Objective f, double[] x, double gtol, double ftol, int maxIter) {
    int n = x.length;
    // Pairs are allocated as they are first kept: most fits of a warm-started C path stop after a
    // few iterations (ten pairs are 82 KB at 512 dimensions, over a GB zeroed in a replay).
    double[][] s = new double[HISTORY][];
    double[][] yv = new double[HISTORY][];
    double[] sNext = new double[n];
    double[] yNext = new double[n];
    double[] rho = new double[HISTORY];
    double[] alpha = new double[HISTORY];
    // The newest pair's s.y / y.y, the initial inverse-Hessian scale (from the update's own dots).
    double gamma = 1;
    int stored = 0;
    int newest = -1;
    double[] g = new double[n];
    double[] gNew = new double[n];
    double[] d = new double[n];
    double[] xNew = new double[n];
    WolfeLineSearch lineSearch = new WolfeLineSearch(n);
    double fx = f.valueAndGradient(x, g);
    if (maxAbs(g) <= gtol) {
      return new Result(fx, 0, true);
    }
    // Every loop over the parameters is in a small method of its own: the JIT then compiles this
    // loop (with the objective inlined) once, not once more for each inner loop it enters from.
    for (int iter = 1; iter <= maxIter; iter++) {
      twoLoop(g, s, yv, rho, alpha, gamma, stored, newest, d);
      // L-BFGS-B forms the direction as (x + step) - x: the same rounding here.
      roundThrough(x, d);
      double slope = dot(g, d);
      if (!(slope < 0)) {
        if (stored == 0) {
          return new Result(fx, iter, false);
        }
        // not a descent direction (numerical trouble): forget the pairs, as L-BFGS-B does
        stored = 0;
        iter--;
        continue;
      }
      // L-BFGS-B's first trial: 1/|d| on its very first iteration, the unit step after that.
      double step = iter == 1 ? 1.0 / Math.sqrt(dot(d, d)) : 1.0;
      Line line = f.along(x, d);
      double fNew = lineSearch.search(f, line, x, fx, slope, d, step, xNew, gNew);
      if (Double.isNaN(fNew)) {
        if (stored == 0) {
          return new Result(fx, iter, false);
        }
        // the search failed: restart from steepest descent at the same point, as L-BFGS-B does
        f.valueAndGradient(x, g);
        stored = 0;
        iter--;
        continue;
      }
      double t = lineSearch.acceptedStep();
      if (line != null) {
        line.moveTo(t);
      }
      // The step's pair is kept only if its curvature is positive, measured as L-BFGS-B does
      // (s.y from the slopes along d, against machine epsilon times the decrease); a refused pair
      // leaves the stored ones untouched.
      double sy = (dot(gNew, d) - slope) * t;
      if (sy > Math.ulp(1.0) * (-slope * t)) {
        differences(xNew, x, sNext);
        differences(gNew, g, yNext);
        int slot = (newest + 1) % HISTORY;
        double[] spare = s[slot];
        s[slot] = sNext;
        sNext = spare != null ? spare : new double[n];
        spare = yv[slot];
        yv[slot] = yNext;
        yNext = spare != null ? spare : new double[n];
        rho[slot] = 1.0 / sy;
        gamma = sy / dot(yv[slot], yv[slot]);
        newest = slot;
        stored = Math.min(stored + 1, HISTORY);
      }
      double fOld = fx;
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      fx = fNew;
      if (maxAbs(g) <= gtol) {
        return new Result(fx, iter, true);
      }
      if (fOld - fx <= ftol * Math.max(Math.max(Math.abs(fOld), Math.abs(fx)), 1.0)) {
        return new Result(fx, iter, true);
      }
    }
    return new Result(fx, maxIter, false);
  }

  /**
   * The two-loop recursion: {@code d = -H g} from the {@code stored} newest pairs, scaled by {@code
   * gamma}.
   */
  private static void twoLoop(
      double[] g,
      double[][] s,
      double[][] yv,
      double[] rho,
      double[] alpha,
      double gamma,
      int stored,
      int newest,
      double[] d) {
    negate(g, d);
    for (int k = 0; k < stored; k++) {
      int j = Math.floorMod(newest - k, HISTORY);
      alpha[j] = rho[j] * dot(s[j], d);
      axpy(-alpha[j], yv[j], d);
    }
    if (stored > 0) {
      for (int i = 0; i < d.length; i++) {
        d[i] *= gamma;
      }
    }
    for (int k = stored - 1; k >= 0; k--) {
      int j = Math.floorMod(newest - k, HISTORY);
      double beta = rho[j] * dot(yv[j], d);
      axpy(alpha[j] - beta, s[j], d);
    }
  }

  private static void negate(double[] g, double[] d) {
    for (int i = 0; i < d.length; i++) {
      d[i] = -g[i];
    }
  }

  /**
   * {@code out = x + t d} for the first {@code count} entries ({@code out} may be {@code x}): the
   * search's trial points, and the decision values moved along a line.
   */
  static void pointAt(double[] x, double t, double[] d, double[] out, int count) {
    for (int i = 0; i < count; i++) {
      out[i] = x[i] + t * d[i];
    }
  }

  /** {@code d = (x + d) - x}, element by element. */
  private static void roundThrough(double[] x, double[] d) {
    for (int i = 0; i < d.length; i++) {
      d[i] = (x[i] + d[i]) - x[i];
    }
  }

  private static void differences(double[] a, double[] b, double[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = a[i] - b[i];
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

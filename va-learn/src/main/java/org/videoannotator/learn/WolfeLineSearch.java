package org.videoannotator.learn;

/**
 * A strong-Wolfe line search (Nocedal and Wright, algorithms 3.5 and 3.6) with safeguarded cubic
 * interpolation, using the same conditions as scipy's L-BFGS-B (sufficient decrease {@code 1e-3},
 * curvature {@code 0.9}). Every trial evaluates value and gradient, so the accepted point's
 * gradient is ready for the next iteration; an objective that can give a trial's slope without its
 * gradient ({@link LbfgsMinimizer.Line}) computes the gradient only for the accepted point. Holds its scratch arrays: one per minimisation.
 */
final class WolfeLineSearch {
  private static final double C1 = 1e-3;
  private static final double C2 = 0.9;
  private static final double EXPAND = 4.0;
  private static final int MAX_EVALS = 30;

  private final double[] bestX;
  private final double[] bestG;
  private double accepted;

  WolfeLineSearch(int n) {
    bestX = new double[n];
    bestG = new double[n];
  }

  /** A point on the search line: step length, value and directional derivative. */
  private record Trial(double step, double f, double slope) {}

  /**
   * Searches along {@code d} from {@code x} (value {@code f0}, slope {@code dphi0 < 0}), starting at
   * {@code step}. On success leaves the accepted point in {@code xNew} / {@code gNew} and returns
   * its value; if no step meets the conditions, returns the lowest point with sufficient decrease,
   * or NaN when there is none.
   */
  double search(LbfgsMinimizer.Objective f, LbfgsMinimizer.Line line, double[] x, double f0,
      double dphi0, double[] d, double step, double[] xNew, double[] gNew) {
    double bestF = Double.NaN;
    double bestStep = Double.NaN;
    Trial prev = new Trial(0, f0, dphi0);
    Trial lo = null;
    Trial hi = null;
    for (int evals = 1; evals <= MAX_EVALS; evals++) {
      double at = lo == null ? step : interpolate(lo, hi);
      LbfgsMinimizer.pointAt(x, at, d, xNew, x.length);
      Trial t;
      if (line != null) {
        double value = line.value(at, xNew);
        t = new Trial(at, value, line.slope());
      } else {
        double value = f.valueAndGradient(xNew, gNew);
        t = new Trial(at, value, LbfgsMinimizer.dot(gNew, d));
      }
      boolean decrease = t.f <= f0 + C1 * at * dphi0;
      if (decrease && (Double.isNaN(bestF) || t.f < bestF)) {
        bestF = t.f;
        bestStep = at;
        System.arraycopy(xNew, 0, bestX, 0, x.length);
        if (line == null) {
          System.arraycopy(gNew, 0, bestG, 0, x.length);
        }
      }
      boolean curvature = Math.abs(t.slope) <= -C2 * dphi0;
      if (lo == null) {
        // bracketing phase: expand until the step is too long, rises, or the slope turns
        if (!decrease || (evals > 1 && t.f >= prev.f)) {
          lo = prev;
          hi = t;
        } else if (curvature) {
          return accept(line, at, xNew, gNew, t.f);
        } else if (t.slope >= 0) {
          lo = t;
          hi = prev;
        } else {
          prev = t;
          step = at * EXPAND;
        }
        continue;
      }
      // zoom phase: shrink [lo, hi] keeping lo the lowest point with sufficient decrease
      if (!decrease || t.f >= lo.f) {
        hi = t;
      } else {
        if (curvature) {
          return accept(line, at, xNew, gNew, t.f);
        }
        if (t.slope * (hi.step - lo.step) >= 0) {
          hi = lo;
        }
        lo = t;
      }
      if (Math.abs(hi.step - lo.step) <= 1e-16 * Math.max(1.0, Math.abs(lo.step))) {
        break;
      }
    }
    if (Double.isNaN(bestF)) {
      return Double.NaN;
    }
    System.arraycopy(bestX, 0, xNew, 0, x.length);
    if (line == null) {
      System.arraycopy(bestG, 0, gNew, 0, x.length);
    }
    return accept(line, bestStep, xNew, gNew, bestF);
  }

  /** Ends a search at step {@code at}: its gradient, computed now when trials skipped it. */
  private double accept(LbfgsMinimizer.Line line, double at, double[] xNew, double[] gNew, double value) {
    if (line != null) {
      line.gradient(at, xNew, gNew);
    }
    accepted = at;
    return value;
  }

  /** The step of the point the last successful {@link #search} returned. */
  double acceptedStep() {
    return accepted;
  }

  /** Minimiser of the cubic through both ends, kept inside the middle 80 % of the interval. */
  private static double interpolate(Trial lo, Trial hi) {
    double a = lo.step;
    double b = hi.step;
    double d1 = lo.slope + hi.slope - 3 * (lo.f - hi.f) / (a - b);
    double radicand = d1 * d1 - lo.slope * hi.slope;
    double left = Math.min(a, b);
    double width = Math.abs(b - a);
    double t = Double.NaN;
    if (radicand >= 0) {
      double d2 = Math.signum(b - a) * Math.sqrt(radicand);
      t = b - (b - a) * (hi.slope + d2 - d1) / (hi.slope - lo.slope + 2 * d2);
    }
    if (!(t >= left + 0.1 * width && t <= left + 0.9 * width)) {
      t = left + 0.5 * width;
    }
    return t;
  }
}

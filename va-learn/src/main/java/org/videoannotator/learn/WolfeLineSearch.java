package org.videoannotator.learn;

/**
 * A strong-Wolfe line search (Nocedal and Wright, algorithms 3.5 and 3.6) with safeguarded cubic
 * interpolation, using the same conditions as scipy's L-BFGS-B (sufficient decrease {@code 1e-3},
 * curvature {@code 0.9}). Every trial evaluates value and gradient, so the accepted point's
 * gradient is ready for the next iteration. Holds its scratch arrays: one per minimisation.
 */
final class WolfeLineSearch {
  private static final double C1 = 1e-3;
  private static final double C2 = 0.9;
  private static final double EXPAND = 4.0;
  private static final int MAX_EVALS = 30;

  private final double[] bestX;
  private final double[] bestG;

  WolfeLineSearch(int n) {
    bestX = new double[n];
    bestG = new double[n];
  }

  /**
   * Searches along {@code d} from {@code x} (value {@code f0}, slope {@code dphi0 < 0}), starting at
   * {@code step}. On success leaves the accepted point in {@code xNew} / {@code gNew} and returns
   * its value; if no step meets the conditions, returns the lowest point with sufficient decrease,
   * or NaN when there is none.
   */
  double search(LbfgsMinimizer.Objective f, double[] x, double f0, double dphi0, double[] d,
      double step, double[] xNew, double[] gNew) {
    double bestF = Double.NaN;
    double prevStep = 0;
    double prevF = f0;
    double prevSlope = dphi0;
    int evals = 0;
    double lo = 0;
    double loF = 0;
    double loSlope = 0;
    double hi = 0;
    double hiF = 0;
    double hiSlope = 0;
    boolean zooming = false;
    while (evals < MAX_EVALS) {
      double trial = step;
      if (zooming) {
        trial = interpolate(lo, loF, loSlope, hi, hiF, hiSlope);
      }
      for (int i = 0; i < x.length; i++) {
        xNew[i] = x[i] + trial * d[i];
      }
      double fT = f.valueAndGradient(xNew, gNew);
      double slopeT = LbfgsMinimizer.dot(gNew, d);
      evals++;
      boolean decrease = fT <= f0 + C1 * trial * dphi0;
      if (decrease && (Double.isNaN(bestF) || fT < bestF)) {
        bestF = fT;
        System.arraycopy(xNew, 0, bestX, 0, x.length);
        System.arraycopy(gNew, 0, bestG, 0, x.length);
      }
      if (!zooming) {
        if (!decrease || (evals > 1 && fT >= prevF)) {
          zooming = true;
          lo = prevStep;
          loF = prevF;
          loSlope = prevSlope;
          hi = trial;
          hiF = fT;
          hiSlope = slopeT;
          continue;
        }
        if (Math.abs(slopeT) <= -C2 * dphi0) {
          return fT;
        }
        if (slopeT >= 0) {
          zooming = true;
          lo = trial;
          loF = fT;
          loSlope = slopeT;
          hi = prevStep;
          hiF = prevF;
          hiSlope = prevSlope;
          continue;
        }
        prevStep = trial;
        prevF = fT;
        prevSlope = slopeT;
        step = trial * EXPAND;
        continue;
      }
      if (!decrease || fT >= loF) {
        hi = trial;
        hiF = fT;
        hiSlope = slopeT;
      } else {
        if (Math.abs(slopeT) <= -C2 * dphi0) {
          return fT;
        }
        if (slopeT * (hi - lo) >= 0) {
          hi = lo;
          hiF = loF;
          hiSlope = loSlope;
        }
        lo = trial;
        loF = fT;
        loSlope = slopeT;
      }
      if (Math.abs(hi - lo) <= 1e-16 * Math.max(1.0, Math.abs(lo))) {
        break;
      }
    }
    if (Double.isNaN(bestF)) {
      return Double.NaN;
    }
    System.arraycopy(bestX, 0, xNew, 0, x.length);
    System.arraycopy(bestG, 0, gNew, 0, x.length);
    return bestF;
  }

  /** Minimiser of the cubic through both ends, kept inside the middle 80 % of the interval. */
  private static double interpolate(
      double a, double fa, double ga, double b, double fb, double gb) {
    double d1 = ga + gb - 3 * (fa - fb) / (a - b);
    double radicand = d1 * d1 - ga * gb;
    double left = Math.min(a, b);
    double width = Math.abs(b - a);
    double t = Double.NaN;
    if (radicand >= 0) {
      double d2 = Math.signum(b - a) * Math.sqrt(radicand);
      t = b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
    }
    if (!(t >= left + 0.1 * width && t <= left + 0.9 * width)) {
      t = left + 0.5 * width;
    }
    return t;
  }
}

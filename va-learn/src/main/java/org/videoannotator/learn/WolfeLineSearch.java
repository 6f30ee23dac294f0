package org.videoannotator.learn;

/**
 * The line search of scipy's L-BFGS-B: Moré and Thuente's (MINPACK-2 {@code dcsrch}, ACM TOMS 20,
 * 1994) with the constants L-BFGS-B passes (sufficient decrease {@code 1e-3}, curvature {@code
 * 0.9}, interval tolerance {@code 0.1}, steps in {@code [0, 1e10]}) and at most 20 evaluations.
 * Following its trial steps (not just its conditions) is what keeps a fit on the reference's
 * iterates: where a search interpolates, another rule lands on another point, and a fit stopped at
 * {@code gtol} then keeps that difference (seen as rank swaps on small validation sets).
 *
 * <p>Every trial is the latest point; the search ends on it ({@code CONVERGENCE} or a warning, as
 * L-BFGS-B accepts both). An objective that gives a trial's slope without its gradient ({@link
 * LbfgsMinimizer.Line}) computes the gradient only for that point. Holds its scratch state: one per
 * minimisation.
 */
final class WolfeLineSearch {
  private static final double FTOL = 1e-3;
  private static final double GTOL = 0.9;
  private static final double XTOL = 0.1;
  private static final double STP_MAX = 1e10;

  /** L-BFGS-B's {@code maxls}: a search that has not ended after this many trials fails. */
  static final int MAX_EVALS = 20;

  private double accepted;

  WolfeLineSearch(int n) {
    // no scratch: every trial is written to xNew, and the search ends on its last trial
  }

  /**
   * Searches along {@code d} from {@code x} (value {@code f0}, slope {@code dphi0 < 0}), starting
   * at {@code step}. Leaves the accepted point in {@code xNew} / {@code gNew} and returns its
   * value, or NaN when the search did not end within {@value #MAX_EVALS} trials.
   */
  double search(
      LbfgsMinimizer.Objective f,
      LbfgsMinimizer.Line line,
      double[] x,
      double f0,
      double dphi0,
      double[] d,
      double step,
      double[] xNew,
      double[] gNew) {
    Bracket b = new Bracket(f0, dphi0, step);
    double stp = step;
    for (int evals = 1; evals <= MAX_EVALS; evals++) {
      LbfgsMinimizer.pointAt(x, stp, d, xNew, x.length);
      double value;
      double slope;
      if (line != null) {
        value = line.value(stp, xNew);
        slope = line.slope();
      } else {
        value = f.valueAndGradient(xNew, gNew);
        slope = LbfgsMinimizer.dot(gNew, d);
      }
      double next = b.next(stp, value, slope);
      if (Double.isNaN(next)) {
        if (line != null) {
          line.gradient(stp, xNew, gNew);
        }
        accepted = stp;
        return value;
      }
      stp = next;
    }
    return Double.NaN;
  }

  /** The step of the point the last successful {@link #search} returned. */
  double acceptedStep() {
    return accepted;
  }

  /**
   * dcsrch's state between trials: the best step so far ({@code stx}), the other end of the
   * interval ({@code sty}), and the bounds for the next trial.
   */
  private static final class Bracket {
    private final double finit;
    private final double ginit;
    private final double gtest;
    private boolean brackt;
    private int stage = 1;
    private double width = STP_MAX;
    private double width1 = STP_MAX / 0.5;
    private double stx;
    private double fx;
    private double gx;
    private double sty;
    private double fy;
    private double gy;
    private double stmin;
    private double stmax;

    Bracket(double f0, double g0, double stp) {
      finit = f0;
      ginit = g0;
      gtest = FTOL * g0;
      fx = f0;
      gx = g0;
      fy = f0;
      gy = g0;
      stmin = 0;
      stmax = stp + 4.0 * stp;
    }

    /** The next trial step after a trial at {@code stp}, or NaN if the search ends on it. */
    double next(double stp, double f, double g) {
      double ftest = finit + stp * gtest;
      if (stage == 1 && f <= ftest && g >= 0) {
        stage = 2;
      }
      boolean warning =
          (brackt && (stp <= stmin || stp >= stmax))
              || (brackt && stmax - stmin <= XTOL * stmax)
              || (stp == STP_MAX && f <= ftest && g <= gtest)
              || (stp == 0 && (f > ftest || g >= gtest));
      boolean converged = f <= ftest && Math.abs(g) <= GTOL * -ginit;
      if (warning || converged) {
        return Double.NaN;
      }
      Step s;
      if (stage == 1 && f <= fx && f > ftest) {
        // modified function values until a step with sufficient decrease and a non-negative slope
        s =
            Step.take(
                stx,
                fx - stx * gtest,
                gx - gtest,
                sty,
                fy - sty * gtest,
                gy - gtest,
                stp,
                f - stp * gtest,
                g - gtest,
                brackt,
                stmin,
                stmax);
        s = s.shifted(gtest);
      } else {
        s = Step.take(stx, fx, gx, sty, fy, gy, stp, f, g, brackt, stmin, stmax);
      }
      stx = s.stx;
      fx = s.fx;
      gx = s.dx;
      sty = s.sty;
      fy = s.fy;
      gy = s.dy;
      brackt = s.brackt;
      double next = s.stp;
      if (brackt) {
        if (Math.abs(sty - stx) >= 0.66 * width1) {
          next = stx + 0.5 * (sty - stx);
        }
        width1 = width;
        width = Math.abs(sty - stx);
        stmin = Math.min(stx, sty);
        stmax = Math.max(stx, sty);
      } else {
        stmin = next + 1.1 * (next - stx);
        stmax = next + 4.0 * (next - stx);
      }
      next = Math.min(Math.max(next, 0), STP_MAX);
      if (brackt && (next <= stmin || next >= stmax || stmax - stmin <= XTOL * stmax)) {
        next = stx;
      }
      return next;
    }
  }

  /** MINPACK-2's {@code dcstep}: the safeguarded next step and the updated interval. */
  private record Step(
      double stx,
      double fx,
      double dx,
      double sty,
      double fy,
      double dy,
      double stp,
      boolean brackt) {

    /** The same step with the modified values of dcsrch's first stage turned back. */
    Step shifted(double gtest) {
      return new Step(
          stx, fx + stx * gtest, dx + gtest, sty, fy + sty * gtest, dy + gtest, stp, brackt);
    }

    static Step take(
        double stx,
        double fx,
        double dx,
        double sty,
        double fy,
        double dy,
        double stp,
        double fp,
        double dp,
        boolean brackt,
        double stpmin,
        double stpmax) {
      double sgnd = Math.signum(dp) * Math.signum(dx);
      double stpf;
      if (fp > fx) {
        // higher value: the minimum is bracketed; cubic step, or halfway to the quadratic one
        double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
        double s = max3(theta, dx, dp);
        double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
        if (stp < stx) {
          gamma = -gamma;
        }
        double p = (gamma - dx) + theta;
        double q = ((gamma - dx) + gamma) + dp;
        double stpc = stx + (p / q) * (stp - stx);
        double stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2.0) * (stp - stx);
        stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2.0;
        brackt = true;
      } else if (sgnd < 0) {
        // lower value, slopes of opposite sign: bracketed; cubic or secant step
        double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
        double s = max3(theta, dx, dp);
        double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
        if (stp > stx) {
          gamma = -gamma;
        }
        double p = (gamma - dp) + theta;
        double q = ((gamma - dp) + gamma) + dx;
        double stpc = stp + (p / q) * (stx - stp);
        double stpq = stp + (dp / (dp - dx)) * (stx - stp);
        stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
        brackt = true;
      } else if (Math.abs(dp) < Math.abs(dx)) {
        // lower value, same slope sign, slope shrinking
        double theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
        double s = max3(theta, dx, dp);
        double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
        if (stp > stx) {
          gamma = -gamma;
        }
        double p = (gamma - dp) + theta;
        double q = (gamma + (dx - dp)) + gamma;
        double r = p / q;
        double stpc;
        if (r < 0 && gamma != 0) {
          stpc = stp + r * (stx - stp);
        } else if (stp > stx) {
          stpc = stpmax;
        } else {
          stpc = stpmin;
        }
        double stpq = stp + (dp / (dp - dx)) * (stx - stp);
        if (brackt) {
          stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
          stpf =
              stp > stx
                  ? Math.min(stp + 0.66 * (sty - stp), stpf)
                  : Math.max(stp + 0.66 * (sty - stp), stpf);
        } else {
          stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
          stpf = Math.max(stpmin, Math.min(stpmax, stpf));
        }
      } else {
        // lower value, same slope sign, slope not shrinking
        if (brackt) {
          double theta = 3.0 * (fp - fy) / (sty - stp) + dy + dp;
          double s = max3(theta, dy, dp);
          double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dy / s) * (dp / s));
          if (stp > sty) {
            gamma = -gamma;
          }
          double p = (gamma - dp) + theta;
          double q = ((gamma - dp) + gamma) + dy;
          stpf = stp + (p / q) * (sty - stp);
        } else {
          stpf = stp > stx ? stpmax : stpmin;
        }
      }
      if (fp > fx) {
        return new Step(stx, fx, dx, stp, fp, dp, stpf, brackt);
      }
      if (sgnd < 0) {
        return new Step(stp, fp, dp, stx, fx, dx, stpf, brackt);
      }
      return new Step(stp, fp, dp, sty, fy, dy, stpf, brackt);
    }

    private static double max3(double a, double b, double c) {
      return Math.max(Math.abs(a), Math.max(Math.abs(b), Math.abs(c)));
    }
  }
}

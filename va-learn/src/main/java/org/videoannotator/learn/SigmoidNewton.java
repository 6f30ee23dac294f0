package org.videoannotator.learn;

/**
 * One damped Newton step of a sigmoid {@code p = sigmoid(a f + b)} towards targets {@code t}: the
 * cross-entropy {@code sum log(1 + e^z) - t z} (with {@code z = a f + b}) along the Newton
 * direction, halved until it falls by Armijo's rule. Platt's fit takes such steps until it
 * converges ({@link Calibration#plattFit}); the error rates' EM takes one per round from the last.
 * The callers supply the probabilities at the current point and the cross-entropy at a trial point,
 * so each can reuse what it has already computed.
 */
public final class SigmoidNewton {
  /**
   * Where a step ended: the new point and its cross-entropy, or the same point and {@code moved}
   * false when the gradient vanished or no trial lowered the cross-entropy enough.
   */
  public record Step(double a, double b, double loss, boolean moved) {}

  /** The cross-entropy at a trial point. */
  @FunctionalInterface
  public interface TrialLoss {
    double at(double a, double b);
  }

  private SigmoidNewton() {}

  /**
   * @param p {@code sigmoid(a f + b)} of every point
   * @param loss the cross-entropy at {@code a, b}
   */
  public static Step step(
      double[] f, double[] t, double[] p, double a, double b, double loss, TrialLoss trial) {
    double ga = 0;
    double gb = 0;
    double haa = 1e-12;
    double hab = 0;
    double hbb = 1e-12;
    for (int i = 0; i < f.length; i++) {
      double d = p[i] - t[i];
      double w = p[i] * (1 - p[i]);
      ga += d * f[i];
      gb += d;
      haa += w * f[i] * f[i];
      hab += w * f[i];
      hbb += w;
    }
    if (Math.abs(ga) < 1e-10 && Math.abs(gb) < 1e-10) {
      return new Step(a, b, loss, false);
    }
    double det = haa * hbb - hab * hab;
    double da = -(hbb * ga - hab * gb) / det;
    double db = -(haa * gb - hab * ga) / det;
    double scale = 1;
    double next = trial.at(a + da, b + db);
    while (next > loss + 1e-4 * scale * (ga * da + gb * db) && scale > 1e-10) {
      scale /= 2;
      next = trial.at(a + scale * da, b + scale * db);
    }
    if (scale <= 1e-10) {
      return new Step(a, b, loss, false);
    }
    return new Step(a + scale * da, b + scale * db, next, true);
  }
}

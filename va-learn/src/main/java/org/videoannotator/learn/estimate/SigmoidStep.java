package org.videoannotator.learn.estimate;

import org.videoannotator.learn.SigmoidNewton;

/**
 * EM's M step for the truth sigmoid: one Newton step with backtracking of {@code sigmoid(a s + b)}
 * towards the E step's posteriors ({@link SigmoidNewton}), with a third of the {@code exp} and
 * {@code log1p} calls. Each trial point's {@code e^-|z|} gives both the clip's {@code log(1 + e^z)}
 * and its probability; the step the EM accepts is where its next E step and M step start, so they
 * reuse both ({@link #probabilities}): only the targets moved. A build runs a few thousand of these
 * steps over its bootstrap, and they were most of its estimates' time. The probabilities are {@link
 * Logits#sigmoid}'s to the bit.
 */
final class SigmoidStep {
  /** Each clip's {@code z = a s + b}, {@code log(1 + e^z)} and {@code sigmoid(z)} at one point. */
  private static final class Terms {
    final double[] z;
    final double[] softplus;
    final double[] probability;

    Terms(int n) {
      z = new double[n];
      softplus = new double[n];
      probability = new double[n];
    }

    double loss(double[] t) {
      double loss = 0;
      for (int i = 0; i < z.length; i++) {
        loss += softplus[i] - t[i] * z[i];
      }
      return loss;
    }
  }

  private final double[] s;
  private Terms current;
  private Terms trial;

  /** The point the current terms are at; NaN (equal to nothing) before the first. */
  private double currentA = Double.NaN;

  private double currentB = Double.NaN;

  SigmoidStep(double[] s) {
    this.s = s;
    this.current = new Terms(s.length);
    this.trial = new Terms(s.length);
  }

  /**
   * {@code sigmoid(a s + b)} of every clip, for the E step at {@code a, b}: the last accepted
   * trial's when that was the point, else computed here.
   */
  double[] probabilities(double a, double b) {
    moveTo(a, b);
    return current.probability;
  }

  private void moveTo(double a, double b) {
    if (a != currentA || b != currentB) {
      fill(current, a, b);
      currentA = a;
      currentB = b;
    }
  }

  /**
   * @param t the targets (the posteriors that each clip truly is "yes")
   * @return {a, b} after the step
   */
  double[] step(double[] t, double a, double b) {
    moveTo(a, b);
    SigmoidNewton.Step next =
        SigmoidNewton.step(
            s,
            t,
            current.probability,
            a,
            b,
            current.loss(t),
            (ta, tb) -> {
              fill(trial, ta, tb);
              return trial.loss(t);
            });
    if (!next.moved()) {
      return new double[] {a, b};
    }
    // the accepted trial's terms are the next step's current ones
    Terms swap = current;
    current = trial;
    trial = swap;
    currentA = next.a();
    currentB = next.b();
    return new double[] {currentA, currentB};
  }

  private void fill(Terms out, double a, double b) {
    for (int i = 0; i < s.length; i++) {
      double zi = a * s[i] + b;
      // e^-|z|, as Logits.sigmoid computes it on either side of 0
      double e = StrictMath.exp(zi >= 0 ? -zi : zi);
      out.z[i] = zi;
      out.softplus[i] = zi > 0 ? zi + Math.log1p(e) : Math.log1p(e);
      out.probability[i] = zi >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }
  }
}

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
  private final double[] s;
  private double[] z;
  private double[] softplus;
  private double[] probability;
  private double[] trialZ;
  private double[] trialSoftplus;
  private double[] trialProbability;

  /** The point the current terms are at; NaN (equal to nothing) before the first. */
  private double currentA = Double.NaN;

  private double currentB = Double.NaN;

  SigmoidStep(double[] s) {
    this.s = s;
    this.z = new double[s.length];
    this.softplus = new double[s.length];
    this.probability = new double[s.length];
    this.trialZ = new double[s.length];
    this.trialSoftplus = new double[s.length];
    this.trialProbability = new double[s.length];
  }

  /**
   * {@code sigmoid(a s + b)} of every clip, for the E step at {@code a, b}: the last accepted
   * trial's when that was the point, else computed here.
   */
  double[] probabilities(double a, double b) {
    moveTo(a, b);
    return probability;
  }

  private void moveTo(double a, double b) {
    if (a != currentA || b != currentB) {
      terms(a, b, z, softplus, probability);
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
    double loss = 0;
    for (int i = 0; i < s.length; i++) {
      loss += softplus[i] - t[i] * z[i];
    }
    SigmoidNewton.Step next =
        SigmoidNewton.step(s, t, probability, a, b, loss, (ta, tb) -> trialLoss(t, ta, tb));
    if (!next.moved()) {
      return new double[] {a, b};
    }
    // the accepted trial's terms are the next step's current ones
    double[] swap = z;
    z = trialZ;
    trialZ = swap;
    swap = softplus;
    softplus = trialSoftplus;
    trialSoftplus = swap;
    swap = probability;
    probability = trialProbability;
    trialProbability = swap;
    currentA = next.a();
    currentB = next.b();
    return new double[] {currentA, currentB};
  }

  private double trialLoss(double[] t, double a, double b) {
    terms(a, b, trialZ, trialSoftplus, trialProbability);
    double loss = 0;
    for (int i = 0; i < s.length; i++) {
      loss += trialSoftplus[i] - t[i] * trialZ[i];
    }
    return loss;
  }

  private void terms(
      double a, double b, double[] zOut, double[] softplusOut, double[] probabilityOut) {
    for (int i = 0; i < s.length; i++) {
      double zi = a * s[i] + b;
      // e^-|z|, as Logits.sigmoid computes it on either side of 0
      double e = StrictMath.exp(zi >= 0 ? -zi : zi);
      zOut[i] = zi;
      softplusOut[i] = zi > 0 ? zi + Math.log1p(e) : Math.log1p(e);
      probabilityOut[i] = zi >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }
  }
}

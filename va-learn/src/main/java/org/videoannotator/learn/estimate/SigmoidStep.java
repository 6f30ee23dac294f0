package org.videoannotator.learn.estimate;

import org.videoannotator.learn.Calibration;

/**
 * EM's M step for the truth sigmoid: one Newton step with backtracking of {@code sigmoid(a s + b)}
 * towards the E step's posteriors, the same arithmetic as {@code Calibration.sigmoidFit(s, t, a, b,
 * 1)} in half the {@code exp} and {@code log1p} calls. The gradient takes the probabilities the E
 * step has just computed at the same point, and the cross-entropy at the current point reuses each
 * clip's {@code log(1 + e^z)} from the trial the last step accepted (only the targets moved). A
 * build runs a few thousand of these steps over its bootstrap, and they were most of its estimates'
 * time.
 */
final class SigmoidStep {
  private final double[] s;
  private double[] z;
  private double[] softplus;
  private double[] trialZ;
  private double[] trialSoftplus;
  private boolean current;
  private double currentA;
  private double currentB;

  SigmoidStep(double[] s) {
    this.s = s;
    this.z = new double[s.length];
    this.softplus = new double[s.length];
    this.trialZ = new double[s.length];
    this.trialSoftplus = new double[s.length];
  }

  /**
   * @param t the targets (the posteriors that each clip truly is "yes")
   * @param p {@code sigmoid(a s + b)} of every clip, as the E step computed it
   * @return {a, b} after the step
   */
  double[] step(double[] t, double a, double b, double[] p) {
    if (!current || a != currentA || b != currentB) {
      terms(a, b, z, softplus);
      current = true;
      currentA = a;
      currentB = b;
    }
    double loss = 0;
    for (int i = 0; i < s.length; i++) {
      loss += softplus[i] - t[i] * z[i];
    }
    double ga = 0;
    double gb = 0;
    double haa = 1e-12;
    double hab = 0;
    double hbb = 1e-12;
    for (int i = 0; i < s.length; i++) {
      double d = p[i] - t[i];
      double w = p[i] * (1 - p[i]);
      ga += d * s[i];
      gb += d;
      haa += w * s[i] * s[i];
      hab += w * s[i];
      hbb += w;
    }
    if (Math.abs(ga) < 1e-10 && Math.abs(gb) < 1e-10) {
      return new double[] {a, b};
    }
    double det = haa * hbb - hab * hab;
    double da = -(hbb * ga - hab * gb) / det;
    double db = -(haa * gb - hab * ga) / det;
    double scale = 1;
    double next = trialLoss(t, a + da, b + db);
    while (next > loss + 1e-4 * scale * (ga * da + gb * db) && scale > 1e-10) {
      scale /= 2;
      next = trialLoss(t, a + scale * da, b + scale * db);
    }
    if (scale <= 1e-10) {
      return new double[] {a, b};
    }
    // the accepted trial's terms are the next step's current ones
    double[] swap = z;
    z = trialZ;
    trialZ = swap;
    swap = softplus;
    softplus = trialSoftplus;
    trialSoftplus = swap;
    currentA = a + scale * da;
    currentB = b + scale * db;
    return new double[] {currentA, currentB};
  }

  private double trialLoss(double[] t, double a, double b) {
    terms(a, b, trialZ, trialSoftplus);
    double loss = 0;
    for (int i = 0; i < s.length; i++) {
      loss += trialSoftplus[i] - t[i] * trialZ[i];
    }
    return loss;
  }

  private void terms(double a, double b, double[] zOut, double[] softplusOut) {
    for (int i = 0; i < s.length; i++) {
      zOut[i] = a * s[i] + b;
      softplusOut[i] = Calibration.softplus(zOut[i]);
    }
  }
}

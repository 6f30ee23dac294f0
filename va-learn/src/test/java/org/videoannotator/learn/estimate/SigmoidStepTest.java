package org.videoannotator.learn.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.videoannotator.learn.Calibration;

class SigmoidStepTest {
  private static final int N = 300;

  private final SplittableRandom random = new SplittableRandom(11);
  private final double[] s = random.doubles(N, -3, 3).toArray();

  /** Posteriors of a truth sigmoid that EM moves a little each round, as its targets do. */
  private double[] targets(double a, double b) {
    double[] t = new double[N];
    for (int i = 0; i < N; i++) {
      t[i] = 0.05 + 0.9 * Logits.sigmoid(a * s[i] + b) + 0.02 * random.nextDouble();
    }
    return t;
  }

  private double[] probabilities(double a, double b) {
    double[] p = new double[N];
    for (int i = 0; i < N; i++) {
      p[i] = Logits.sigmoid(a * s[i] + b);
    }
    return p;
  }

  private double crossEntropy(double[] t, double a, double b) {
    double loss = 0;
    for (int i = 0; i < N; i++) {
      double z = a * s[i] + b;
      loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t[i] * z;
    }
    return loss;
  }

  @Test
  void reusingTheLastTrialsTermsGivesTheSameStepsBitForBitAsComputingThemAfresh() {
    SigmoidStep reused = new SigmoidStep(s);
    double[] ab = {0.2, -0.5};
    for (int round = 0; round < 40; round++) {
      double[] t = targets(1.5 + round * 0.01, -0.3);
      // the E step's probabilities come from the last accepted trial, and are the sigmoid's
      assertArrayEquals(probabilities(ab[0], ab[1]), reused.probabilities(ab[0], ab[1]), 0.0);
      double[] fresh = new SigmoidStep(s).step(t, ab[0], ab[1]);
      double[] next = reused.step(t, ab[0], ab[1]);
      assertArrayEquals(fresh, next, 0.0, "round " + round);
      double before = crossEntropy(t, ab[0], ab[1]);
      assertTrue(
          crossEntropy(t, next[0], next[1]) <= before + 1e-12 * before,
          "a step never raises the cross-entropy");
      ab = next;
    }
  }

  @Test
  void stepsTowardsFixedTargetsReachPlattsNewtonFit() {
    double[] t = targets(2, 0.4);
    SigmoidStep step = new SigmoidStep(s);
    double[] ab = {0, 0};
    for (int i = 0; i < 100; i++) {
      ab = step.step(t, ab[0], ab[1]);
    }
    double[] newton = Calibration.sigmoidFit(s, t, 0);
    assertEquals(newton[0], ab[0], 1e-9);
    assertEquals(newton[1], ab[1], 1e-9);
  }
}

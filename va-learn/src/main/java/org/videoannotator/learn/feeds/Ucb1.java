package org.videoannotator.learn.feeds;

import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/**
 * UCB1 (Auer et al. 2002) over arms 0..n-1: an available arm never played is played first (lowest
 * index first); otherwise the available arm maximising {@code mean + c * sqrt(ln t / plays)}, the
 * first on ties. The one implementation behind both the server's auto feed and Experiment 2's UCB
 * decision process (which must choose exactly as the reference code does).
 */
public final class Ucb1 {
  private Ucb1() {}

  /**
   * The arm to play, or -1 when none is available.
   *
   * @param t the time in the bonus term ({@code ln t}): total plays, or the step number
   */
  public static int choose(
      int arms,
      IntPredicate available,
      IntToLongFunction plays,
      IntToDoubleFunction mean,
      double c,
      double t) {
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int arm = 0; arm < arms; arm++) {
      if (!available.test(arm)) {
        continue;
      }
      long n = plays.applyAsLong(arm);
      if (n == 0) {
        return arm;
      }
      double score = mean.applyAsDouble(arm) + c * Math.sqrt(Math.log(t) / n);
      if (score > bestScore) {
        best = arm;
        bestScore = score;
      }
    }
    return best;
  }
}

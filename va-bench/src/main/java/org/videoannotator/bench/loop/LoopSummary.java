package org.videoannotator.bench.loop;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures over labels: median hold-out AP, the gain over {@code combined} in AP points (median
 * over labels with a bootstrap interval), and the labels saved: how many fewer labels a policy
 * needs than {@code combined} to reach the AP {@code combined} has at a budget (each read on its
 * own AP curve, linear between budget steps, where the curve first reaches it; minus infinity when
 * the policy does not reach it within the budgets run). Reading both on their curves keeps {@code
 * combined} at 0 even where its curve is not monotonic.
 */
final class LoopSummary {
  static final String BASELINE = BaselinePolicy.COMBINED.name();

  private final LoopResults r;

  LoopSummary(LoopResults results) {
    this.r = results;
  }

  boolean hasBaseline() {
    return r.policies().contains(BASELINE);
  }

  /** Median over labels of the mean hold-out AP. */
  double medianAp(String policy, int step) {
    List<Double> aps = new ArrayList<>();
    for (String label : r.labels()) {
      aps.add(r.ap(label, policy, step));
    }
    return Spread.median(aps).mean();
  }

  /** Per label, the policy's AP minus combined's, in AP points; median and interval over labels. */
  Spread gain(String policy, int step) {
    List<Double> gains = new ArrayList<>();
    for (String label : r.labels()) {
      gains.add(100 * (r.ap(label, policy, step) - r.ap(label, BASELINE, step)));
    }
    return Spread.median(gains);
  }

  /** Labels saved at {@code budget} (one of the budgets): median and interval over labels. */
  Spread saved(String policy, int budget) {
    int step = r.budgets().indexOf(budget);
    List<Double> saved = new ArrayList<>();
    for (String label : r.labels()) {
      double target = r.ap(label, BASELINE, step);
      saved.add(
          Double.isNaN(target)
              ? Double.NaN
              : needed(label, BASELINE, target) - needed(label, policy, target));
    }
    return Spread.median(saved);
  }

  /**
   * Labels the policy needs to reach {@code target} AP; +infinity when it does not within the run.
   */
  double needed(String label, String policy, double target) {
    double prevX = Double.NaN;
    double prevY = Double.NaN;
    for (int i = 0; i < r.budgets().size(); i++) {
      double y = r.ap(label, policy, i);
      double x = r.budgets().get(i);
      if (Double.isNaN(y)) {
        continue;
      }
      if (y >= target) {
        return Double.isNaN(prevY) ? x : prevX + (x - prevX) * (target - prevY) / (y - prevY);
      }
      prevX = x;
      prevY = y;
    }
    return Double.POSITIVE_INFINITY;
  }

  /** The index of the largest budget at most {@code budget}, or 0. */
  int stepAtMost(int budget) {
    int best = 0;
    for (int i = 0; i < r.budgets().size(); i++) {
      if (r.budgets().get(i) <= budget) {
        best = i;
      }
    }
    return best;
  }
}

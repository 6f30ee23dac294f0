package org.videoannotator.experiments.protocol;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.videoannotator.learn.Metrics;

/**
 * Average precision of one bootstrap whose copies of a shot the reference may or may not score
 * alike. A bootstrap draws rows with replacement, so a shot can appear several times; the reference
 * scores the rows with one BLAS product whose kernel depends on the row's position ({@link
 * ReferenceGemv}). Copies that go through the same kernel get the same score, a tie that AP counts
 * as one threshold. Copies that go through different kernels get the same score or scores a few
 * ulps apart depending on bits of the coefficients far below anything two L-BFGS implementations
 * agree on (measured: the single-row kernel and the four-row kernel disagree on a third of
 * 128-dimension rows, the pair kernel on three fifths), and the reference's own figure changes with
 * its BLAS thread count (by 0.0028 AP per step on a 5,000-shot set: see
 * experiments/bench/RESULTS.md). So for each such shot the replay takes both outcomes, tied and
 * apart (in the kernels' order), and reports the mean AP over all combinations: never more than
 * half a split's effect from the reference's figure, where a fixed choice is off by all of it half
 * the time. Copies of a shot within one kernel and shots drawn once are scored as the reference
 * scores them.
 */
final class BootstrapTies {
  /** More shots split across kernels than this (never seen: a thread has at most 3 tail rows). */
  private static final int MAX_UNCERTAIN = 12;

  private BootstrapTies() {}

  /**
   * AP of the bootstrap rows {@code rows} (indices into the validation set, in bootstrap order)
   * with labels {@code y}, each scored by {@code scorer} with the kernel of its position.
   */
  static double averagePrecision(
      int[] rows, boolean[] y, ReferenceGemv.Kernel[] kernels, ValidationBench.RowScorer scorer) {
    double[] scores = new double[rows.length];
    Map<Integer, List<Integer>> copies = new LinkedHashMap<>();
    for (int i = 0; i < rows.length; i++) {
      scores[i] = scorer.score(rows[i], kernels[i]);
      copies.computeIfAbsent(rows[i], r -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> uncertain = new ArrayList<>();
    for (List<Integer> positions : copies.values()) {
      EnumSet<ReferenceGemv.Kernel> used = EnumSet.noneOf(ReferenceGemv.Kernel.class);
      for (int i : positions) {
        used.add(kernels[i]);
      }
      if (used.size() > 1) {
        uncertain.add(positions);
      }
    }
    if (uncertain.isEmpty() || uncertain.size() > MAX_UNCERTAIN) {
      return Metrics.averagePrecision(y, scores);
    }
    double[] tied = scores.clone();
    double[] apart = scores.clone();
    for (List<Integer> positions : uncertain) {
      settle(positions, kernels, scores, tied, apart);
    }
    double sum = 0;
    int outcomes = 1 << uncertain.size();
    double[] trial = new double[scores.length];
    for (int mask = 0; mask < outcomes; mask++) {
      System.arraycopy(tied, 0, trial, 0, trial.length);
      for (int g = 0; g < uncertain.size(); g++) {
        if ((mask & (1 << g)) != 0) {
          for (int i : uncertain.get(g)) {
            trial[i] = apart[i];
          }
        }
      }
      sum += Metrics.averagePrecision(y, trial);
    }
    return sum / outcomes;
  }

  /**
   * One shot's copies: {@code tied} gives them all the first copy's score; {@code apart} gives each
   * kernel's copies that kernel's score, nudged by ulps where two kernels' scores coincide, so the
   * kernels stay distinct thresholds.
   */
  private static void settle(
      List<Integer> positions,
      ReferenceGemv.Kernel[] kernels,
      double[] scores,
      double[] tied,
      double[] apart) {
    double common = scores[positions.get(0)];
    Map<ReferenceGemv.Kernel, Double> byKernel = new LinkedHashMap<>();
    for (int i : positions) {
      tied[i] = common;
      byKernel.putIfAbsent(kernels[i], scores[i]);
    }
    List<Double> taken = new ArrayList<>();
    for (Map.Entry<ReferenceGemv.Kernel, Double> e : byKernel.entrySet()) {
      double v = e.getValue();
      while (taken.contains(v)) {
        v = Math.nextDown(v);
      }
      taken.add(v);
      e.setValue(v);
    }
    for (int i : positions) {
      apart[i] = byKernel.get(kernels[i]);
    }
  }
}

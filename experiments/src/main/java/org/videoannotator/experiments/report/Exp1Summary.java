package org.videoannotator.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.videoannotator.experiments.exp1.Exp1Result;
import org.videoannotator.experiments.exp1.Exp1Result.Cell;
import org.videoannotator.experiments.exp1.Exp1Result.LabelResult;
import org.videoannotator.experiments.exp1.Exp1Runner;

/**
 * Experiment 1's figures per label and n, by method, as the paper compares them: the random
 * baseline, the zero-shot scorer (ZS), models trained on the random list (RCC), the zero-shot list
 * (ZSC), half of each (CC), and VA (best checkpoint of at most n + 10 shots).
 */
public final class Exp1Summary {
  public static final String BASELINE = "baseline";
  public static final String ZERO_SHOT_SCORER = "zero-shot scorer";
  public static final String VA = "VA";

  /** The combined baseline the paper's headline gain is measured against. */
  public static final String CC = "zero-shot-50-random-50";

  /** A method's AP at one n. */
  public record Ap(double mean, double std, Integer nTrain) {}

  /** One label at one n: AP by method (methods without a figure are absent). */
  public record Row(String label, String group, int n, Map<String, Ap> byMethod) {
    /** The strongest non-VA method (largest mean) other than the random baseline, or null. */
    public String bestBaseline() {
      String best = null;
      for (var e : byMethod.entrySet()) {
        if (e.getKey().equals(VA) || e.getKey().equals(BASELINE)) {
          continue;
        }
        if (best == null || e.getValue().mean() > byMethod.get(best).mean()) {
          best = e.getKey();
        }
      }
      return best;
    }
  }

  private final List<String> methods;
  private final List<Row> rows;

  private Exp1Summary(List<String> methods, List<Row> rows) {
    this.methods = methods;
    this.rows = rows;
  }

  public static Exp1Summary of(Exp1Result result, LabelGroups groups) {
    List<String> methods = new ArrayList<>(List.of(BASELINE, ZERO_SHOT_SCORER));
    methods.addAll(result.settings().methods());
    methods.add(VA);
    List<Row> rows = new ArrayList<>();
    for (var entry : result.labels().entrySet()) {
      String label = entry.getKey();
      LabelResult r = entry.getValue();
      for (int n : result.settings().ns()) {
        Map<String, Ap> by = new LinkedHashMap<>();
        by.put(BASELINE, new Ap(r.baseline().mean(), 0, null));
        if (r.zeroShot() != null) {
          by.put(ZERO_SHOT_SCORER, new Ap(r.zeroShot().mean(), r.zeroShot().std(), null));
        }
        for (String method : result.settings().methods()) {
          Cell c = r.cmp().get(n + "|" + method);
          if (c != null) {
            by.put(method, new Ap(c.mean(), c.std(), c.nTrain()));
          }
        }
        Cell va = bestCheckpoint(r.checkpoints(), n);
        if (va != null) {
          by.put(VA, new Ap(va.mean(), va.std(), va.nTrain()));
        }
        rows.add(new Row(label, groups.groupOf(label), n, by));
      }
    }
    return new Exp1Summary(List.copyOf(methods), List.copyOf(rows));
  }

  /** The checkpoint VA is scored by at n: the best mean among those of at most n + 10 shots. */
  static Cell bestCheckpoint(List<Cell> checkpoints, int n) {
    Cell best = null;
    for (Cell c : checkpoints) {
      if (c.nTrain() <= n + Exp1Runner.CHECKPOINT_SLACK
          && (best == null || c.mean() > best.mean())) {
        best = c;
      }
    }
    return best;
  }

  /** The best checkpoint of a label over the whole session (Experiment 2's VA reference). */
  static Cell bestCheckpoint(List<Cell> checkpoints) {
    return bestCheckpoint(checkpoints, Integer.MAX_VALUE - Exp1Runner.CHECKPOINT_SLACK);
  }

  public List<String> methods() {
    return methods;
  }

  public List<Row> rows() {
    return rows;
  }
}

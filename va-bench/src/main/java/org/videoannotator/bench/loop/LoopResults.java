package org.videoannotator.bench.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Every session's steps: per label, per policy, one list of steps per seed (budget order).
 *
 * @param budgets the budget steps, ascending
 * @param trueRates per label, the share of the corpus that truly has it
 * @param runs label -> policy -> seed index -> steps
 */
record LoopResults(
    List<Integer> budgets,
    List<String> labels,
    List<String> policies,
    List<Long> seeds,
    Map<String, Double> trueRates,
    Map<String, Map<String, List<List<Step>>>> runs) {

  /** One figure of one label, policy and budget step over the seeds. */
  List<Double> values(String label, String policy, int step, ToDoubleFunction<Step> figure) {
    List<Double> out = new ArrayList<>();
    for (List<Step> seedSteps : runs.get(label).get(policy)) {
      out.add(figure.applyAsDouble(seedSteps.get(step)));
    }
    return out;
  }

  /** Mean and 95 % interval over seeds of one figure. */
  Spread spread(String label, String policy, int step, ToDoubleFunction<Step> figure) {
    return Spread.mean(values(label, policy, step, figure));
  }

  /** The mean hold-out AP over seeds. */
  double ap(String label, String policy, int step) {
    return spread(label, policy, step, Step::holdoutAp).mean();
  }
}

package org.videoannotator.experiments.exp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.videoannotator.datasets.KeyValue;
import org.videoannotator.experiments.protocol.Evaluation;
import org.videoannotator.experiments.protocol.Metric;
import org.videoannotator.experiments.protocol.TrainingEvaluator;
import org.videoannotator.learn.LabelledSet;

/**
 * The decision processes over a deterministic oracle whose "AP" is the training set's positive
 * share: sources with more positives are better, so the right choices are known.
 */
class DecisionProcessTest {
  /** AP = share of positives in the training set (plus a size term to avoid ties). */
  static final TrainingEvaluator POSITIVE_SHARE =
      train ->
          new Evaluation(
              train.size(), new Metric(new double[] {train.positiveRate() + train.size() * 1e-6}));

  /**
   * agg: 40% positives in checkpoints; zero_shot: 80% positives; random: 5% positives. Keys are
   * disjoint across sources except one shared zero-shot/random key, and validation keys "v*" are in
   * every list.
   */
  static SourceManager sources() {
    Set<String> pos = new HashSet<>();
    Set<String> neg = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      (i % 5 < 2 ? pos : neg).add("a" + i);
    }
    pos.add("v1");
    neg.add("v2");
    LabelledSet agg = new LabelledSet("l", pos, neg);
    List<LabelledSet> checkpoints = new ArrayList<>();
    for (int size = 50; size <= 200; size += 50) {
      Set<String> p = new HashSet<>();
      Set<String> n = new HashSet<>();
      for (int i = 0; i < size; i++) {
        (pos.contains("a" + i) ? p : n).add("a" + i);
      }
      checkpoints.add(new LabelledSet("l", p, n));
    }
    List<KeyValue> zeroShot = new ArrayList<>();
    List<KeyValue> random = new ArrayList<>();
    zeroShot.add(new KeyValue("v1", true));
    random.add(new KeyValue("v2", false));
    for (int i = 0; i < 300; i++) {
      zeroShot.add(new KeyValue("z" + i, i % 5 != 0));
      random.add(new KeyValue("r" + i, i % 20 == 0));
    }
    random.add(new KeyValue("z3", true));
    return SourceManager.of(agg, Set.of("v1", "v2"), checkpoints, zeroShot, random);
  }

  static DecisionProcess.Settings settings(int batch) {
    return new DecisionProcess.Settings(batch, 1, POSITIVE_SHARE, sources());
  }

  @Test
  void sourceManagerOrdersAggByCheckpointsAndNeverHandsOutValidationKeys() {
    SourceManager m = sources();
    assertEquals(200, m.remaining(Source.AGG).size());
    assertFalse(m.remaining(Source.ZERO_SHOT).pos().contains("v1"));
    assertFalse(m.remaining(Source.RANDOM).neg().contains("v2"));
    // the first 50 agg keys come from the first checkpoint (keys a0..a49)
    OrderedSet first = m.remaining(Source.AGG).firstN(50);
    assertTrue(
        first.pos().stream().allMatch(k -> Integer.parseInt(k.substring(1)) < 50),
        first.toString());
    LabelledSet train = m.extend(Source.ZERO_SHOT, 10);
    assertEquals(10, train.size());
    assertEquals(8, train.positiveCount());
    // z3 went to training from zero_shot, so random no longer holds it
    assertFalse(m.remaining(Source.RANDOM).pos().contains("z3"));
    SourceManager copy = m.copy();
    copy.extend(Source.AGG, 25);
    assertEquals(10, m.current().size(), "a copy's batches do not touch the original");
  }

  @Test
  void roundRobinCyclesAndGrowsTheSetByABatchPerStep() {
    var run = new RoundRobin(settings(25)).run(7);
    assertEquals(
        List.of(
            Source.AGG,
            Source.ZERO_SHOT,
            Source.RANDOM,
            Source.AGG,
            Source.ZERO_SHOT,
            Source.RANDOM,
            Source.AGG),
        run.choiceHistory());
    for (int i = 0; i < 7; i++) {
      assertEquals(25 * (i + 1), run.steps().get(i).evaluation().nTrain());
    }
  }

  @Test
  void exhaustedSourcesAreDroppedAndTheRunGoesOn() {
    // 200 agg keys in batches of 100: agg is exhausted after its second batch.
    var run = new RoundRobin(settings(100)).run(7);
    long aggChoices = run.choiceHistory().stream().filter(s -> s == Source.AGG).count();
    assertEquals(2, aggChoices, run.choiceHistory().toString());
    assertEquals(7, run.steps().size());
  }

  @Test
  void greedyOracleAlwaysTakesTheRichestSource() {
    var run = new GreedyOracle(settings(25)).run(5);
    assertEquals(
        List.of(
            Source.ZERO_SHOT,
            Source.ZERO_SHOT,
            Source.ZERO_SHOT,
            Source.ZERO_SHOT,
            Source.ZERO_SHOT),
        run.choiceHistory());
    // the kept trial equals a fresh evaluation of the same set
    assertEquals(100, run.steps().get(3).evaluation().nTrain());
  }

  @Test
  void banditsRecordTheWarmUpWorstThenTryEachSourceOnce() {
    for (DecisionProcess p :
        List.of(
            new EpsilonGreedy(settings(25), 0.0, Valuation.MEAN),
            new Ucb(settings(25), 0.01, Valuation.MEAN),
            new Exp3(settings(25), 0.1, Valuation.LAST))) {
      var run = p.run(6);
      assertEquals(7, run.choiceHistory().size(), p.getClass().getSimpleName());
      assertEquals(
          Source.RANDOM, run.choiceHistory().get(0), "random's 5% positives is the worst warm-up");
      assertEquals(
          List.of(Source.AGG, Source.ZERO_SHOT, Source.RANDOM), run.choiceHistory().subList(1, 4));
    }
  }

  @Test
  void greedyEpsilonZeroExploitsTheBestMeanReward() {
    var run = new EpsilonGreedy(settings(25), 0.0, Valuation.MEAN).run(6);
    // Worked by hand (AP = positive share). Warm-up trials: agg .40, zero_shot .80, random .04
    // (worst),
    // so rewards start at agg .36, zero_shot .76, random 0. Step 0 agg -> .40 (reward .36 against
    // random's .04); step 1 zero_shot -> 30/50 = .60 (reward .20); step 2 random -> 31/75 = .413
    // (reward -.187). Means: zero_shot .48 > agg .36, so step 3 takes zero_shot -> 51/100 (reward
    // .097, mean .352); now agg's .36 leads, step 4 takes agg -> 61/125 = .488 (reward -.022, mean
    // .233); step 5 goes back to zero_shot.
    assertEquals(
        List.of(Source.ZERO_SHOT, Source.AGG, Source.ZERO_SHOT), run.choiceHistory().subList(4, 7));
  }

  @Test
  void exp3DrawsWithNumpySeedZeroEveryTime() {
    Exp3 exp3 = new Exp3(settings(25), 0.1, Valuation.MEAN);
    // equal weights: p = 1/3 each; numpy's first uniform with seed 0 is 0.5488 -> the second source
    assertEquals(Source.ZERO_SHOT, exp3.select());
    assertEquals(Source.ZERO_SHOT, exp3.select());
  }

  @Test
  void processNamesResolveTheReferenceAndNotebookSpellings() {
    assertEquals(
        "round-robin", Processes.resolve("RoundRobin", Processes.Params.defaults()).name());
    assertEquals("round-robin", Processes.resolve("rr", Processes.Params.defaults()).name());
    assertEquals("greedy-oracle", Processes.resolve("greedy", Processes.Params.defaults()).name());
    var eps = Processes.resolve("eps0.25", Processes.Params.defaults());
    assertEquals("eps-greedy-mean", eps.name());
    assertEquals(0.25, eps.params().epsilon());
    assertEquals(0.1, Processes.resolve("ucb.1", Processes.Params.defaults()).params().c());
    assertEquals("ucb-ewma", Processes.resolve("UCBEWMA", Processes.Params.defaults()).name());
    assertEquals("exp3-last", Processes.resolve("Exp3Last", Processes.Params.defaults()).name());
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> Processes.resolve("thompson", Processes.Params.defaults()));
    assertTrue(e.getMessage().contains("round-robin"), e.getMessage());
  }
}

package org.videoannotator.experiments.exp2;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.experiments.protocol.Evaluation;

/**
 * At every step (no try-each-once phase) trains one model per available source on a trial copy of
 * the state and keeps the source whose model scores best; a source whose trial fails or scores NaN
 * is skipped. The winning trial is kept, so the step does not train it twice (training is
 * deterministic, so the result is the reference's).
 */
public final class GreedyOracle extends DecisionProcess {
  private static final Logger LOG = LoggerFactory.getLogger(GreedyOracle.class);

  private Source trialChoice;
  private SourceManager trialState;
  private Evaluation trialResult;

  public GreedyOracle(Settings settings) {
    super(settings);
  }

  @Override
  protected Source selectOuter() {
    return selectWithData();
  }

  @Override
  protected Source select() {
    trialResult = null;
    Source best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    SourceManager start = sources;
    for (Source choice : available()) {
      sources = start.copy();
      try {
        Evaluation result = act(choice);
        double score = score(result);
        if (Double.isNaN(score)) {
          throw new IllegalStateException("evaluation score is NaN");
        }
        if (score > bestScore) {
          best = choice;
          bestScore = score;
          trialChoice = choice;
          trialState = sources;
          trialResult = result;
        }
      } catch (RuntimeException e) {
        LOG.warn(
            "greedy oracle: trial of {} at step {} failed, skipped: {}",
            choice,
            step,
            e.getMessage());
      }
    }
    sources = start;
    if (best == null) {
      throw new IllegalStateException("every source failed for the greedy oracle at step " + step);
    }
    return best;
  }

  @Override
  protected Evaluation act(Source choice) {
    if (trialResult != null && choice == trialChoice) {
      sources = trialState;
      Evaluation result = trialResult;
      trialResult = null;
      return result;
    }
    return super.act(choice);
  }
}

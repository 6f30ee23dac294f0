package org.videoannotator.experiments.protocol;

import org.videoannotator.learn.LabelledSet;

/**
 * Trains the protocol's classifier on a training set and measures it on a fixed validation set.
 * Implementations are deterministic: the same training set always gives the same evaluation.
 */
@FunctionalInterface
public interface TrainingEvaluator {
  /**
   * @throws RuntimeException when the set cannot be trained on (e.g. no positive), with a message
   *     saying why
   */
  Evaluation evaluate(LabelledSet train);
}

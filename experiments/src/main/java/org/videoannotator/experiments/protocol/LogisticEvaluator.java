package org.videoannotator.experiments.protocol;

import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.learn.LabelledSet;
import org.videoannotator.learn.LinearModel;
import org.videoannotator.learn.LogisticRegressionCv;

/**
 * The protocol's classifier measured on one validation set: cross-validated L2 logistic regression
 * trained on the set's rows in the reference's order, scored by predicted probability. A training
 * set that shares a key with validation, or has a single class, is an error.
 */
public final class LogisticEvaluator implements TrainingEvaluator {
  private final KeyedMatrix embeddings;
  private final ValidationBench validation;
  private final LogisticRegressionCv learner;

  public LogisticEvaluator(
      KeyedMatrix embeddings, ValidationBench validation, LogisticRegressionCv learner) {
    this.embeddings = embeddings;
    this.validation = validation;
    this.learner = learner;
  }

  @Override
  public Evaluation evaluate(LabelledSet train) {
    checkDisjoint(train);
    if (train.positiveCount() == 0 || train.negativeCount() == 0) {
      throw new IllegalArgumentException(
          "training set of "
              + train.size()
              + " has "
              + train.positiveCount()
              + " positives and "
              + train.negativeCount()
              + " negatives; both classes are needed");
    }
    LinearModel model = learner.fit(embeddings.matrix(), embeddings.keys(), train);
    return new Evaluation(train.size(), validation.averagePrecision(scores(model)));
  }

  private void checkDisjoint(LabelledSet train) {
    for (String key : train.orderedKeys()) {
      if (validation.set().contains(key)) {
        throw new IllegalArgumentException("training and validation sets share key '" + key + "'");
      }
    }
  }

  /** The model's probability for every validation row (apart, so the JIT compiles it apart). */
  private double[] scores(LinearModel model) {
    double[] scores = new double[validation.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = model.probability(validation.row(i));
    }
    return scores;
  }
}

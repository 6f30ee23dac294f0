package org.videoannotator.experiments.protocol;

import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.learn.LabelledSet;
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
    double[] coefficients =
        learner.fitExactly(embeddings.matrix(), embeddings.keys(), train).coefficients();
    return new Evaluation(train.size(), validation.averagePrecision(probabilities(coefficients)));
  }

  /**
   * The reference's {@code predict_proba} for every validation row, from the double coefficients
   * the minimiser left: the decision value summed in double, plus the intercept, then {@code 1 / (1
   * + exp(-z))}. Copies of a shot in a bootstrap get the same score, as equal inputs should (the
   * reference's BLAS may round them apart by a few ulps depending on their positions; that is its
   * noise, not the protocol's, see experiments/bench/RESULTS.md).
   */
  private double[] probabilities(double[] coefficients) {
    int dim = coefficients.length - 1;
    double[] scores = new double[validation.size()];
    for (int i = 0; i < scores.length; i++) {
      float[] x = validation.row(i);
      double z = 0;
      for (int j = 0; j < dim; j++) {
        z += x[j] * coefficients[j];
      }
      scores[i] = 1 / (1 + StrictMath.exp(-(z + coefficients[dim])));
    }
    return scores;
  }

  private void checkDisjoint(LabelledSet train) {
    for (String key : train.orderedKeys()) {
      if (validation.set().contains(key)) {
        throw new IllegalArgumentException("training and validation sets share key '" + key + "'");
      }
    }
  }
}

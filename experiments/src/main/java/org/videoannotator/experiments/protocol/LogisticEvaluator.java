package org.videoannotator.experiments.protocol;

import java.util.Arrays;
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
    return new Evaluation(
        train.size(), validation.averagePrecision(new Probabilities(validation, coefficients)));
  }

  /**
   * The reference's {@code predict_proba}: the decision value as its BLAS rounds it for the row's
   * position ({@link ReferenceGemv}), plus the intercept, then scipy's {@code expit}, {@code 1 / (1
   * + exp(-z))}. Each row's value per kernel is computed once (most positions use one kernel).
   */
  private static final class Probabilities implements ValidationBench.RowScorer {
    private final ValidationBench validation;
    private final double[] w;
    private final double bias;
    private final double[][] byKernel = new double[ReferenceGemv.Kernel.values().length][];

    Probabilities(ValidationBench validation, double[] coefficients) {
      this.validation = validation;
      int dim = coefficients.length - 1;
      this.w = Arrays.copyOf(coefficients, dim);
      this.bias = coefficients[dim];
    }

    @Override
    public double score(int row, ReferenceGemv.Kernel kernel) {
      double[] memo = byKernel[kernel.ordinal()];
      if (memo == null) {
        memo = new double[validation.size()];
        Arrays.fill(memo, Double.NaN);
        byKernel[kernel.ordinal()] = memo;
      }
      if (Double.isNaN(memo[row])) {
        double z = ReferenceGemv.dot(kernel, validation.row(row), w) + bias;
        memo[row] = 1 / (1 + StrictMath.exp(-z));
      }
      return memo[row];
    }
  }

  private void checkDisjoint(LabelledSet train) {
    for (String key : train.orderedKeys()) {
      if (validation.set().contains(key)) {
        throw new IllegalArgumentException("training and validation sets share key '" + key + "'");
      }
    }
  }
}

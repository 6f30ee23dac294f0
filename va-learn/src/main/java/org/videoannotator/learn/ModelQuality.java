package org.videoannotator.learn;

/**
 * How good a model looks before anyone validates it: the cross-validated average precision at the
 * chosen C, mean and population standard deviation over the folds.
 */
public record ModelQuality(double meanAp, double stdAp, double c, int folds) {
  /** The quality recorded in {@code model}. */
  public static ModelQuality of(LinearModel model) {
    return new ModelQuality(model.cvMean(), model.cvStd(), model.c(), model.foldScores().length);
  }
}

package org.videoannotator.experiments.protocol;

/**
 * One trained model measured on the validation bootstraps.
 *
 * @param nTrain size of the training set (0 for the zero-shot scorer, which is not trained)
 * @param averagePrecision AP on each bootstrap of the validation set
 */
public record Evaluation(int nTrain, Metric averagePrecision) {}

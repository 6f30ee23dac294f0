/**
 * The Video Annotator protocol as a library: validation split ({@link
 * org.videoannotator.learn.ValidationSplit}), numpy's legacy random source ({@link
 * org.videoannotator.learn.NumpyRandomState}), scikit-learn's metrics ({@link
 * org.videoannotator.learn.Metrics}), the cross-validated logistic regression ({@link
 * org.videoannotator.learn.LogisticRegressionCv} producing {@link
 * org.videoannotator.learn.LinearModel}), whole-corpus scoring ({@link
 * org.videoannotator.learn.CorpusScorer}), selections and the four annotation feeds ({@link
 * org.videoannotator.learn.Feeds}), diversity and quality scores, and k-means.
 *
 * <p>Values ({@link org.videoannotator.learn.LabelledSet}, {@link
 * org.videoannotator.learn.LinearModel}) are immutable; learners and scorers are thread-safe;
 * {@link org.videoannotator.learn.NumpyRandomState} is not.
 */
package org.videoannotator.learn;

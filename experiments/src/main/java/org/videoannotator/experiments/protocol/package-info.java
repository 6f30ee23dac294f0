/**
 * The reference protocol's building blocks: data loaded per label, validation bootstraps, the
 * random baseline, the zero-shot scorer, the logistic-regression evaluator, and numpy-exact
 * summaries.
 */
package org.videoannotator.experiments.protocol;

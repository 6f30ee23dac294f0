/**
 * Numbers an editor can trust although the annotation loop biases the labelled set on purpose: the
 * corpus's prevalence of a label (from the random feed's labels, the model's answers averaged over
 * the corpus or its scores corrected for the prior shift, or both; corrected for the annotators'
 * error rates), the decision threshold for that prevalence, and the AP measured on a uniform
 * sample. {@link org.videoannotator.learn.estimate.CorpusEstimates} is the entry point; the other
 * classes are its pure, separately tested parts.
 */
package org.videoannotator.learn.estimate;

/**
 * Experiment 1: VA's checkpoints against models trained on the random, zero-shot and mixed
 * comparison sets, per label and n.
 */
package org.videoannotator.experiments.exp1;

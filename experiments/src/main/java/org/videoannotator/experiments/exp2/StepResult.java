package org.videoannotator.experiments.exp2;

import org.videoannotator.experiments.protocol.Evaluation;

/** One step of a decision process: the source it chose and the model trained after the batch. */
public record StepResult(int step, Source choice, Evaluation evaluation) {}

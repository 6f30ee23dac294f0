package org.videoannotator.server.builds;

/** Model quality: mean and std of the cross-validated AP at the chosen regularisation {@code c}. */
public record Quality(double apMean, double apStd, double c) {}

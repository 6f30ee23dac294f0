package org.videoannotator.server.store;

/** The short form of a finished build shown with a label. */
public record BuildSummary(
    long id,
    String status,
    Integer modelVersion,
    Quality quality,
    BuildEstimates estimates,
    Double diversity,
    int positives,
    int negatives,
    String finished) {}

package org.videoannotator.server.store;

import java.time.Instant;

/** A saved model version of a label: file path (relative to the corpus folder) and summary JSON. */
public record ModelRow(
    String label,
    int version,
    long buildId,
    Instant created,
    String path,
    long corpusRows,
    String summary) {}

package org.videoannotator.server.store;

import java.time.Instant;

/** One entry of the append-only annotation log. */
public record Event(
    long id,
    String label,
    String key,
    Value value,
    String annotator,
    Instant time,
    Source source) {}

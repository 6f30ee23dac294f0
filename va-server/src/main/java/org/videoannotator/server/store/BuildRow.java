package org.videoannotator.server.store;

import java.time.Instant;

/**
 * A build as stored: its status and its {@code result} document, typed by the build service (its
 * progress, timings, quality and estimates). The training document is read apart ({@link
 * BuildStore#training}).
 */
public record BuildRow<R>(
    long id, String label, String status, Instant created, Instant finished, R result) {}

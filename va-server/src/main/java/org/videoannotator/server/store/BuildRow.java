package org.videoannotator.server.store;

import java.time.Instant;

/**
 * A build as stored: its status and two JSON documents owned by the build service ({@code result}:
 * progress, timings, scores, feeds; {@code training}: the positive and negative keys trained on).
 */
public record BuildRow(
    long id, String label, String status, Instant created, Instant finished, String result,
    String training) {}

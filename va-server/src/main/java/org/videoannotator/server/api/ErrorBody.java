package org.videoannotator.server.api;

/** The JSON of every error answer: {@code {"error", "field", "detail"}}. */
public record ErrorBody(String error, String field, String detail) {}

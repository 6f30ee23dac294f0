package org.videoannotator.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the server refuses, with the HTTP status, a short error code, the offending field (or
 * null) and a one-sentence detail naming the input and what to do. Handlers throw it; {@link
 * ErrorMapping} turns it into {@link ErrorBody} JSON.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final String field;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public ApiException(int status, String code, String field, String detail) {
    super(detail);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  public static ApiException badRequest(String field, String detail) {
    return new ApiException(400, "bad-request", field, detail);
  }

  public static ApiException notFound(String field, String detail) {
    return new ApiException(404, "not-found", field, detail);
  }

  public static ApiException conflict(String field, String detail) {
    return new ApiException(409, "conflict", field, detail);
  }

  public int status() {
    return status;
  }

  /** Adds a response header (e.g. {@code Retry-After}); returns this. */
  public ApiException withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Response headers to send with the error. */
  public Map<String, String> headers() {
    return Map.copyOf(headers);
  }

  public ErrorBody body() {
    return new ErrorBody(code, field, getMessage());
  }
}

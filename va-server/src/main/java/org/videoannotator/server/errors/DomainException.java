package org.videoannotator.server.errors;

/**
 * A request a service refuses, in the service's terms (no HTTP status): what kind of refusal, the
 * input it is about (or null) and one sentence naming the input and what to do. The API's error
 * mapping is the one place that turns a {@link Kind} into a status and the JSON error shape.
 */
public final class DomainException extends RuntimeException {
  /** Why the request is refused. */
  public enum Kind {
    /** The input is malformed or out of range. */
    INVALID,
    /** The thing named (label, clip, build, model version, feed) does not exist. */
    NOT_FOUND,
    /** The request does not fit the current state (a duplicate, a feed before any build). */
    CONFLICT,
    /** The caller may not do this. */
    FORBIDDEN
  }

  private final Kind kind;
  private final String code;
  private final String field;

  private DomainException(Kind kind, String code, String field, String detail) {
    super(detail);
    this.kind = kind;
    this.code = code;
    this.field = field;
  }

  public static DomainException invalid(String field, String detail) {
    return new DomainException(Kind.INVALID, null, field, detail);
  }

  public static DomainException notFound(String field, String detail) {
    return new DomainException(Kind.NOT_FOUND, null, field, detail);
  }

  public static DomainException conflict(String field, String detail) {
    return new DomainException(Kind.CONFLICT, null, field, detail);
  }

  /**
   * @param code the short error code clients see (for example {@code forged-annotator})
   */
  public static DomainException forbidden(String code, String field, String detail) {
    return new DomainException(Kind.FORBIDDEN, code, field, detail);
  }

  public Kind kind() {
    return kind;
  }

  /** A specific error code, or null for the kind's usual one. */
  public String code() {
    return code;
  }

  public String field() {
    return field;
  }

  /** Shortens user input quoted in a message so an error never echoes megabytes. */
  public static String shorten(String text) {
    if (text == null) {
      return "null";
    }
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}

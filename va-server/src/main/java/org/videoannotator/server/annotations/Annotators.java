package org.videoannotator.server.annotations;

import io.javalin.http.Context;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Params;

/** Who is annotating: from the body, else the {@code X-Annotator} header, else {@value #ANONYMOUS}. */
public final class Annotators {
  public static final String ANONYMOUS = "anonymous";
  public static final int MAX_LENGTH = 64;

  private Annotators() {}

  /** The annotator for a request, given an explicit value (null if none) named {@code field}. */
  public static String resolve(Context ctx, String explicit, String field) {
    if (explicit != null) {
      return check(field, explicit);
    }
    String header = ctx.header("X-Annotator");
    if (header != null && !header.isBlank()) {
      return check("X-Annotator", header);
    }
    return ANONYMOUS;
  }

  static String check(String field, String name) {
    String n = name.strip();
    if (n.isEmpty() || n.length() > MAX_LENGTH || n.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest(field, field + " must be 1.." + MAX_LENGTH
          + " printable characters, got '" + Params.shorten(name) + "'");
    }
    return n;
  }
}

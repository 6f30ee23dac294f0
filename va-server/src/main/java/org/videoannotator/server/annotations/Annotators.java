package org.videoannotator.server.annotations;

import io.javalin.http.Context;
import java.util.Optional;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.auth.Principal;
import org.videoannotator.server.store.UserStore;

/**
 * Who is annotating. With accounts, the authenticated account, always: a vote is bound to who cast
 * it, and a body or header naming someone else is refused (only an admin may remove another
 * annotator's vote). Without accounts: the body, else the {@code X-Annotator} header, else {@value
 * #ANONYMOUS}.
 */
public final class Annotators {
  public static final String ANONYMOUS = "anonymous";
  public static final int MAX_LENGTH = 64;

  private Annotators() {}

  /**
   * The annotator casting votes in a request, given an explicit value (null if none) named {@code
   * field}.
   */
  public static String resolve(Context ctx, String explicit, String field) {
    return resolve(ctx, explicit, field, false);
  }

  /**
   * The annotator whose vote a request removes: an admin may name anyone, others only themselves.
   */
  public static String resolveForRemoval(Context ctx, String explicit, String field) {
    return resolve(ctx, explicit, field, true);
  }

  private static String resolve(
      Context ctx, String explicit, String field, boolean adminMayNameOthers) {
    Optional<UserStore.User> user = Principal.of(ctx);
    if (user.isPresent()) {
      String header = ctx.header("X-Annotator");
      String given =
          explicit != null ? explicit : header != null && !header.isBlank() ? header : null;
      if (given == null || given.strip().equals(user.get().name())) {
        return user.get().name();
      }
      if (adminMayNameOthers && user.get().role().isAdmin()) {
        return check(field, given);
      }
      throw new ApiException(
          403,
          "forged-annotator",
          explicit != null ? field : "X-Annotator",
          "you are logged in as '"
              + user.get().name()
              + "'; votes are recorded under your own name, not '"
              + Params.shorten(given)
              + "'");
    }
    if (explicit != null) {
      return check(field, explicit);
    }
    String header = ctx.header("X-Annotator");
    if (header != null && !header.isBlank()) {
      return check("X-Annotator", header);
    }
    return ANONYMOUS;
  }

  /** A valid annotator name (stripped), or 400 naming {@code field}. */
  public static String check(String field, String name) {
    String n = name.strip();
    if (n.isEmpty() || n.length() > MAX_LENGTH || n.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest(
          field,
          field
              + " must be 1.."
              + MAX_LENGTH
              + " printable characters, got '"
              + Params.shorten(name)
              + "'");
    }
    return n;
  }
}

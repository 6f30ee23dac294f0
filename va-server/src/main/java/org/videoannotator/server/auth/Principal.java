package org.videoannotator.server.auth;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.store.UserStore;

/**
 * The account a request was authenticated as, when the corpus has accounts ({@code va users}).
 * Without accounts there is none, and the checks here let everything through (the single-user
 * loopback server, or one shared token).
 */
public final class Principal {
  private static final String ATTRIBUTE = "va.user";

  private Principal() {}

  static void set(HttpServletRequest request, UserStore.User user) {
    request.setAttribute(ATTRIBUTE, user);
  }

  public static Optional<UserStore.User> of(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
  }

  /** Refuses the request unless it has no account (no accounts configured) or an admin's. */
  public static void requireAdmin(Context ctx, String what) {
    of(ctx)
        .filter(u -> !u.role().isAdmin())
        .ifPresent(
            u -> {
              throw new ApiException(
                  403,
                  "forbidden",
                  null,
                  "only an admin may " + what + "; '" + u.name() + "' is " + u.role().wire());
            });
  }

  /** The name actions are recorded under: the account's, else {@code fallback}. */
  public static String actor(Context ctx, String fallback) {
    return of(ctx).map(UserStore.User::name).orElse(fallback);
  }
}

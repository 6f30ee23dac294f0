package org.videoannotator.server.auth;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.videoannotator.server.api.ApiException;

/**
 * Optional bearer-token protection of {@code /api}: a request passes with {@code Authorization:
 * Bearer <token>} or the cookie {@value #COOKIE}, which the tiny page at {@code /login} sets. With
 * no token configured everything passes (the server then binds to loopback only).
 */
public final class TokenAuth {
  public static final String COOKIE = "va_token";
  private final byte[] token;

  /** @param token the shared secret, or null for no authentication */
  public TokenAuth(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  public boolean enabled() {
    return token != null;
  }

  public void register(JavalinDefaultRouting router) {
    if (!enabled()) {
      return;
    }
    router.before("/api/*", this::check);
    router.get("/login", ctx -> ctx.html(LOGIN_PAGE));
    router.post("/login", ctx -> {
      String given = ctx.formParam("token");
      if (!matches(given)) {
        ctx.status(401).html(LOGIN_PAGE.replace("<!--msg-->", "<p role=alert>Wrong token.</p>"));
        return;
      }
      ctx.header("Set-Cookie", COOKIE + "=" + given + "; Path=/; HttpOnly; SameSite=Strict");
      ctx.redirect("/");
    });
  }

  private void check(Context ctx) {
    String header = ctx.header("Authorization");
    String given = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : ctx.cookie(COOKIE);
    if (!matches(given)) {
      throw new ApiException(401, "unauthorized", "Authorization",
          "this server needs its token: send 'Authorization: Bearer <token>' or log in at /login");
    }
  }

  private boolean matches(String given) {
    return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
  }

  private static final String LOGIN_PAGE =
      """
      <!doctype html><html lang=en><meta charset=utf-8><title>Video Annotator: log in</title>
      <form method=post action=/login style="font-family:sans-serif;max-width:22em;margin:4em auto">
      <h1>Video Annotator</h1><!--msg-->
      <label>Access token <input name=token type=password autofocus required></label>
      <button type=submit>Log in</button></form></html>
      """;
}

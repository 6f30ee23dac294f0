package org.videoannotator.server.auth;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.videoannotator.server.api.ApiException;

/**
 * Optional token protection of {@code /api}: a request passes with {@code Authorization: Bearer
 * <token>} (scripts) or with the session cookie {@value #COOKIE} that {@code /login} sets (the
 * browser). The cookie holds a random session id, never the token, and the session lives on the
 * server ({@link #SESSION_LIFETIME}); {@code /logout} ends it. Failed attempts are throttled per
 * client address ({@link FailedAttempts}). With no token configured everything passes (the server
 * then binds to loopback only).
 */
public final class TokenAuth {
  public static final String COOKIE = "va_session";
  /** A browser session ends this long after login. */
  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] token;
  private final Clock clock;
  private final FailedAttempts failures;
  private final Map<String, Instant> sessions = new ConcurrentHashMap<>();

  /** @param token the shared secret, or null for no authentication */
  public TokenAuth(String token) {
    this(token, Clock.systemUTC());
  }

  TokenAuth(String token, Clock clock) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
    this.failures = new FailedAttempts(clock);
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
    router.post("/login", this::login);
    router.post("/logout", ctx -> {
      String session = ctx.cookie(COOKIE);
      if (session != null) {
        sessions.remove(session);
      }
      ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + secure(ctx));
      ctx.redirect("/login");
    });
  }

  private void login(Context ctx) {
    String client = ctx.ip();
    failures.refuseIfThrottled(client);
    String given = ctx.formParam("token");
    if (!matches(given)) {
      failures.record(client);
      ctx.status(401).html(LOGIN_PAGE.replace("<!--msg-->", "<p role=alert>Wrong token.</p>"));
      return;
    }
    failures.clear(client);
    byte[] id = new byte[32];
    RANDOM.nextBytes(id);
    String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    sessions.put(session, clock.instant().plus(SESSION_LIFETIME));
    ctx.header("Set-Cookie", COOKIE + "=" + session + "; Path=/; Max-Age=" + SESSION_LIFETIME.toSeconds()
        + "; HttpOnly; SameSite=Strict" + secure(ctx));
    ctx.redirect("/");
  }

  private void check(Context ctx) {
    String header = ctx.header("Authorization");
    if (header != null && header.startsWith("Bearer ")) {
      String client = ctx.ip();
      failures.refuseIfThrottled(client);
      if (matches(header.substring(7).strip())) {
        return;
      }
      failures.record(client);
      throw unauthorized();
    }
    String session = ctx.cookie(COOKIE);
    Instant expires = session == null ? null : sessions.get(session);
    if (expires == null || expires.isBefore(clock.instant())) {
      if (expires != null) {
        sessions.remove(session);
      }
      throw unauthorized();
    }
  }

  private static ApiException unauthorized() {
    return new ApiException(401, "unauthorized", "Authorization",
        "this server needs its token: send 'Authorization: Bearer <token>' or log in at /login");
  }

  private static String secure(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme()) ? "; Secure" : "";
  }

  private boolean matches(String given) {
    return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
  }

  /** Live sessions (for tests). */
  int sessionCount() {
    return sessions.size();
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

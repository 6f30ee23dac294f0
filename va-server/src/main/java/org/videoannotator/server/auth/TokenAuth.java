package org.videoannotator.server.auth;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.store.UserStore;

/**
 * Who may use {@code /api}. Three modes, decided per request:
 * <ul>
 *   <li><b>Accounts</b> (the corpus has users, {@code va users add}): scripts send {@code
 *       Authorization: Bearer NAME:SECRET}; browsers log in at {@code /login} with name and secret.
 *       The request then acts as that {@link Principal}: viewers only read, votes are bound to the
 *       account, admin-only actions are checked where they happen.
 *   <li><b>Shared token</b> ({@code --token-file}/{@code VA_TOKEN}, no accounts): {@code Bearer
 *       <token>} or the login form.
 *   <li><b>Open</b> (neither): the loopback-only single-user server.
 * </ul>
 * A login starts a server-side session: the cookie {@value #COOKIE} holds a random id, never a
 * secret ({@code HttpOnly; SameSite=Strict}, {@code Secure} over HTTPS, {@link #SESSION_LIFETIME});
 * {@code /logout} ends it. Wrong secrets are throttled per client address ({@link FailedAttempts}).
 */
public final class TokenAuth {
  public static final String COOKIE = "va_session";
  /** A browser session ends this long after login. */
  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
  /** A checked bearer credential is trusted this long without hashing it again (Argon2 is slow). */
  private static final Duration BEARER_CACHE = Duration.ofMinutes(5);
  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] token;
  private final UserStore users;
  private final Clock clock;
  private final FailedAttempts failures;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Session> bearers = new ConcurrentHashMap<>();

  /** A logged-in browser or a checked bearer credential; {@code user} null in shared-token mode. */
  private record Session(UserStore.User user, Instant expires) {}

  /**
   * @param token the shared secret, or null
   * @param users the corpus's accounts (null: none, e.g. in unit tests of the token mode)
   */
  public TokenAuth(String token, UserStore users) {
    this(token, users, Clock.systemUTC());
  }

  public TokenAuth(String token) {
    this(token, null);
  }

  TokenAuth(String token, UserStore users, Clock clock) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.users = users;
    this.clock = clock;
    this.failures = new FailedAttempts(clock);
  }

  /** Whether requests must authenticate (accounts exist, or a token is set). */
  public boolean enabled() {
    return token != null || accounts();
  }

  private boolean accounts() {
    return users != null && users.any();
  }

  public void register(JavalinDefaultRouting router) {
    router.before("/api/*", this::check);
    router.get("/login", ctx -> ctx.html(loginPage("")));
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
    Optional<Session> who = accounts()
        ? users.authenticate(ctx.formParam("name"), ctx.formParam("secret"))
            .map(u -> new Session(u, clock.instant().plus(SESSION_LIFETIME)))
        : token != null && matches(ctx.formParam("token"))
            ? Optional.of(new Session(null, clock.instant().plus(SESSION_LIFETIME)))
            : Optional.empty();
    if (who.isEmpty()) {
      failures.record(client);
      ctx.status(401).html(loginPage("<p role=alert>Wrong " + (accounts() ? "name or secret" : "token") + ".</p>"));
      return;
    }
    failures.clear(client);
    byte[] id = new byte[32];
    RANDOM.nextBytes(id);
    String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    sessions.put(session, who.get());
    ctx.header("Set-Cookie", COOKIE + "=" + session + "; Path=/; Max-Age=" + SESSION_LIFETIME.toSeconds()
        + "; HttpOnly; SameSite=Strict" + secure(ctx));
    ctx.redirect("/");
  }

  private void check(Context ctx) {
    if (!enabled()) {
      return;
    }
    Session session = authenticate(ctx);
    if (session.user() != null) {
      Principal.set(ctx, session.user());
      if (!session.user().role().canVote() && STATE_CHANGING.contains(ctx.method().name())) {
        throw new ApiException(403, "forbidden", null,
            "'" + session.user().name() + "' is a viewer: viewers read, annotators and admins change things");
      }
    }
  }

  private Session authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header != null && header.startsWith("Bearer ")) {
      String given = header.substring(7).strip();
      String cacheKey = sha256(given);
      Session cached = bearers.get(cacheKey);
      if (cached != null && cached.expires().isAfter(clock.instant())) {
        return cached;
      }
      String client = ctx.ip();
      failures.refuseIfThrottled(client);
      Optional<Session> who = accounts() ? bearerAccount(given) : matches(given)
          ? Optional.of(new Session(null, clock.instant().plus(BEARER_CACHE))) : Optional.empty();
      if (who.isEmpty()) {
        failures.record(client);
        throw unauthorized();
      }
      bearers.put(cacheKey, who.get());
      return who.get();
    }
    String id = ctx.cookie(COOKIE);
    Session session = id == null ? null : sessions.get(id);
    if (session == null || session.expires().isBefore(clock.instant())
        || (session.user() == null) == accounts()) {  // a session of the other mode is stale
      if (session != null) {
        sessions.remove(id);
      }
      throw unauthorized();
    }
    return session;
  }

  /** {@code NAME:SECRET} of an account. */
  private Optional<Session> bearerAccount(String given) {
    int colon = given.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return users.authenticate(given.substring(0, colon), given.substring(colon + 1))
        .map(u -> new Session(u, clock.instant().plus(BEARER_CACHE)));
  }

  private ApiException unauthorized() {
    return new ApiException(401, "unauthorized", "Authorization", accounts()
        ? "this server has accounts: send 'Authorization: Bearer NAME:SECRET' or log in at /login"
        : "this server needs its token: send 'Authorization: Bearer <token>' or log in at /login");
  }

  private static String secure(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme()) ? "; Secure" : "";
  }

  private boolean matches(String given) {
    return token != null && given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(String text) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String loginPage(String message) {
    String fields = accounts()
        ? "<label>Name <input name=name autocomplete=username autofocus required></label>"
            + "<label>Secret <input name=secret type=password autocomplete=current-password required></label>"
        : "<label>Access token <input name=token type=password autofocus required></label>";
    return LOGIN_PAGE.replace("<!--msg-->", message).replace("<!--fields-->", fields);
  }

  private static final String LOGIN_PAGE =
      """
      <!doctype html><html lang=en><meta charset=utf-8><title>Video Annotator: log in</title>
      <form method=post action=/login style="font-family:sans-serif;max-width:22em;margin:4em auto;display:grid;gap:.6em">
      <h1>Video Annotator</h1><!--msg-->
      <!--fields-->
      <button type=submit>Log in</button></form></html>
      """;
}

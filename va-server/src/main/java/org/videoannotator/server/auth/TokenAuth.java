package org.videoannotator.server.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.store.UserStore;

/**
 * Who may use {@code /api}. Three modes, decided per request:
 *
 * <ul>
 *   <li><b>Accounts</b> (the corpus has users, {@code va users add}): scripts send {@code
 *       Authorization: Bearer NAME:SECRET}; browsers log in at {@code /login} with name and secret.
 *       The request then acts as that {@link Principal}: viewers only read, votes are bound to the
 *       account, admin-only actions are checked where they happen.
 *   <li><b>Shared token</b> ({@code --token-file}/{@code VA_TOKEN}, no accounts): {@code Bearer
 *       <token>} or the login form.
 *   <li><b>Open</b> (neither): the loopback-only single-user server.
 * </ul>
 *
 * A login starts a server-side session: the cookie {@value #COOKIE} holds a random id, never a
 * secret ({@code HttpOnly; SameSite=Strict}, {@code Secure} over HTTPS, {@link #SESSION_LIFETIME});
 * {@code /logout} ends it. Wrong secrets are throttled per (name, client address) pair ({@link
 * FailedAttempts}); the slow hash checks run a few at a time ({@link PasswordChecks}). Removing an
 * account or resetting its secret ends its sessions and bearers within {@link #RECHECK}; once the
 * corpus has had accounts, removing the last one leaves the server refusing everyone, never open.
 */
public final class TokenAuth {
  public static final String COOKIE = "va_session";

  /** A browser session, or a checked bearer credential, ends this long after it started. */
  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

  /**
   * How long a session trusts its account without reading it again: removing an account or
   * resetting its secret ({@code va users}, another process) ends its sessions within this.
   */
  static final Duration RECHECK = Duration.ofMillis(500);

  /** Checked bearer credentials remembered at most (only right ones are remembered). */
  private static final int MAX_BEARERS = 10_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] token;
  private final UserStore users;
  private final Clock clock;
  private final FailedAttempts failures;
  private final PasswordChecks checks = new PasswordChecks();

  /**
   * Once the corpus has had accounts, authentication stays on (removing the last one locks, never
   * opens).
   */
  private final AtomicBoolean accountsSeen;

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Session> bearers = new ConcurrentHashMap<>();

  /**
   * A logged-in browser or a checked bearer credential; {@code user} and {@code stamp} null in
   * shared-token mode. {@code stamp} is the account's secret hash when it was checked.
   */
  private static final class Session {
    final UserStore.User user;
    final String stamp;
    final Instant expires;
    volatile Instant checked;

    Session(UserStore.User user, String stamp, Instant now) {
      this.user = user;
      this.stamp = stamp;
      this.expires = now.plus(SESSION_LIFETIME);
      this.checked = now;
    }
  }

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
    this.accountsSeen = new AtomicBoolean(users != null && users.any());
  }

  /** Whether requests must authenticate (accounts exist or existed, or a token is set). */
  public boolean enabled() {
    return token != null || accounts();
  }

  private boolean accounts() {
    if (accountsSeen.get()) {
      return true;
    }
    if (users != null && users.any()) {
      accountsSeen.set(true);
      return true;
    }
    return false;
  }

  /** The {@code /login} and {@code /logout} routes. */
  public void register(JavalinDefaultRouting router) {
    // An open server has nothing to log in to: a form asking for a token would only mislead.
    router.get(
        "/login",
        ctx -> {
          if (enabled()) {
            ctx.html(LoginPage.html(accounts(), LoginPage.Problem.NONE, 0));
          } else {
            ctx.redirect("/");
          }
        });
    router.post(
        "/login",
        ctx -> {
          if (enabled()) {
            login(ctx);
          } else {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
          }
        });
    router.post(
        "/logout",
        ctx -> {
          String session = ctx.cookie(COOKIE);
          if (session != null) {
            sessions.remove(session);
          }
          ctx.header(
              "Set-Cookie",
              COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + secure(ctx.req()));
          ctx.redirect("/login");
        });
  }

  private void login(Context ctx) {
    boolean accounts = accounts();
    Optional<Session> who;
    try {
      who =
          verify(
              accounts ? ctx.formParam("name") : null,
              ctx.formParam(accounts ? "secret" : "token"),
              ctx.req().getRemoteAddr());
    } catch (ApiException throttled) {
      if (throttled.status() != 429) {
        throw throttled;
      }
      // A person at the form gets the page again, saying how long to wait, not a JSON error.
      String wait = throttled.headers().getOrDefault("Retry-After", "60");
      ctx.status(429)
          .header("Retry-After", wait)
          .html(LoginPage.html(accounts, LoginPage.Problem.THROTTLED, Long.parseLong(wait)));
      return;
    }
    if (who.isEmpty()) {
      ctx.status(401).html(LoginPage.html(accounts, LoginPage.Problem.WRONG_SECRET, 0));
      return;
    }
    byte[] id = new byte[32];
    RANDOM.nextBytes(id);
    String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    sessions.put(session, who.get());
    ctx.header(
        "Set-Cookie",
        COOKIE
            + "="
            + session
            + "; Path=/; Max-Age="
            + SESSION_LIFETIME.toSeconds()
            + "; HttpOnly; SameSite=Strict"
            + secure(ctx.req()));
    ctx.redirect("/");
  }

  /**
   * Authenticates an {@code /api} request from its headers alone, before any of its body is read
   * (so a stranger's upload is refused unread), and marks it with its {@link Principal}.
   *
   * @throws ApiException 401 without valid credentials, 403 for a viewer changing data, 429 when
   *     throttled
   */
  public void check(HttpServletRequest request) {
    if (!request.getRequestURI().startsWith("/api/") || !enabled()) {
      return;
    }
    Session session = authenticate(request);
    if (session.user != null) {
      Principal.set(request, session.user);
      if (!Permission.onlyReads(request.getMethod(), request.getRequestURI())) {
        Permission.CHANGE_DATA.requireFor(session.user.name(), session.user.role());
      }
    }
  }

  private Session authenticate(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.startsWith("Bearer ")) {
      String given = header.substring(7).strip();
      String cacheKey = sha256(given);
      Session known = bearers.get(cacheKey);
      if (known != null && live(known)) {
        return known; // a credential already checked passes even while guesses at it are throttled
      }
      bearers.remove(cacheKey);
      int colon = given.indexOf(':');
      Optional<Session> who =
          !accounts()
              ? verify(null, given, request.getRemoteAddr())
              : colon > 0
                  ? verify(
                      given.substring(0, colon),
                      given.substring(colon + 1),
                      request.getRemoteAddr())
                  : Optional.empty();
      if (who.isEmpty()) {
        throw unauthorized();
      }
      if (bearers.size() >= MAX_BEARERS) {
        bearers.clear();
      }
      bearers.put(cacheKey, who.get());
      return who.get();
    }
    String id = cookie(request, COOKIE);
    Session session = id == null ? null : sessions.get(id);
    if (session == null || !live(session)) {
      if (session != null) {
        sessions.remove(id);
      }
      throw unauthorized();
    }
    return session;
  }

  /**
   * Checks {@code secret} ({@code name}'s, or the shared token when {@code name} is null), counting
   * the attempt against the (name, address) pair first and running the slow hash in the bounded
   * queue.
   */
  private Optional<Session> verify(String name, String secret, String client) {
    String key = FailedAttempts.key(name, client);
    FailedAttempts.Admission admission = failures.admit(key);
    Optional<Session> who;
    try {
      Instant now = clock.instant();
      who =
          accounts()
              ? checks
                  .run(() -> users.verify(name, secret))
                  .map(v -> new Session(v.user(), v.stamp(), now))
              : matches(secret) ? Optional.of(new Session(null, null, now)) : Optional.empty();
    } catch (ApiException busy) {
      failures.forgive(key, admission); // not checked: not held against anyone
      throw busy;
    }
    if (who.isPresent()) {
      failures.forgive(key, admission);
    }
    return who;
  }

  /** Whether a session still holds: not expired, of the current mode, its account unchanged. */
  private boolean live(Session session) {
    Instant now = clock.instant();
    if (session.expires.isBefore(now)) {
      return false;
    }
    if (session.user == null) {
      return !accounts(); // a shared-token session ends when accounts appear
    }
    if (Duration.between(session.checked, now).compareTo(RECHECK) >= 0) {
      if (!users.stamp(session.user.name()).map(session.stamp::equals).orElse(false)) {
        return false; // removed, or its secret was reset
      }
      session.checked = now;
    }
    return true;
  }

  private static String cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (name.equals(c.getName())) {
          return c.getValue();
        }
      }
    }
    return null;
  }

  private ApiException unauthorized() {
    return new ApiException(
        401,
        "unauthorized",
        "Authorization",
        accounts()
            ? "this server has accounts: send 'Authorization: Bearer NAME:SECRET' or log in at /login"
            : "this server needs its token: send 'Authorization: Bearer <token>' or log in at /login");
  }

  private static String secure(HttpServletRequest request) {
    return request.isSecure() ? "; Secure" : "";
  }

  private boolean matches(String given) {
    return token != null
        && given != null
        && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(String text) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.server.store.Role;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * Issue 26 point 1, over real HTTP: the login form posted as Chromium posts it (its {@code Origin},
 * {@code Referer} and fetch metadata under the page's {@code Referrer-Policy}) is accepted, and the
 * same form posted from a foreign page, whose own policy may hide its origin as {@code null}, is
 * refused and starts no session; log-out alike. The headers are those Chromium 120+ sends.
 */
class LoginFormOriginTest {
  @TempDir Path temp;

  private final HttpClient client = HttpClient.newHttpClient();

  /** The headers a browser adds to a form POST; null leaves one out. */
  private record From(String origin, String referer, String fetchSite) {
    /** A form on the server's own /login page, under its Referrer-Policy: same-origin. */
    static From ownPage(String base) {
      return new From(base, base + "/login", "same-origin");
    }
  }

  private HttpResponse<String> post(String base, String path, String form, From from, String cookie)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    List<String> headers = new ArrayList<>();
    if (from.origin() != null) {
      headers.addAll(List.of("Origin", from.origin()));
    }
    if (from.referer() != null) {
      headers.addAll(List.of("Referer", from.referer()));
    }
    if (from.fetchSite() != null) {
      headers.addAll(
          List.of(
              "Sec-Fetch-Site",
              from.fetchSite(),
              "Sec-Fetch-Mode",
              "navigate",
              "Sec-Fetch-Dest",
              "document",
              "Sec-Fetch-User",
              "?1"));
    }
    if (cookie != null) {
      headers.addAll(List.of("Cookie", cookie));
    }
    if (!headers.isEmpty()) {
      b.headers(headers.toArray(String[]::new));
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String form(String name, String secret) {
    return "name="
        + URLEncoder.encode(name, StandardCharsets.UTF_8)
        + "&secret="
        + URLEncoder.encode(secret, StandardCharsets.UTF_8);
  }

  private int infoStatus(String base, String cookie) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create(base + "/api/info")).header("Cookie", cookie).build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static String session(HttpResponse<String> login) {
    return login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
  }

  @Test
  void theLoginPagesOwnFormIsAcceptedAndForeignPagesAreRefused() throws Exception {
    try (ServerRuntime runtime =
        ServerRuntime.over(SyntheticCorpora.copyOf(temp.resolve("c"), 500, 16, 3), null)) {
      String secret = runtime.store().users().add("ada", Role.ADMIN);
      String base = runtime.start("127.0.0.1", 0).replaceAll("/$", "");

      HttpResponse<String> page =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/login")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(
          "same-origin",
          page.headers().firstValue("Referrer-Policy").orElse(""),
          "no-referrer made Chromium send 'Origin: null' on the form's own POST");
      assertTrue(
          page.body().contains("action=/login") && page.body().contains("name=secret"),
          page.body());

      // Foreign pages: another site, another port of this host (same-site), a page whose policy
      // hides its origin, a browser that sends no fetch metadata (plain HTTP to a LAN address).
      List<From> foreign =
          List.of(
              new From("http://evil.example", "http://evil.example/", "cross-site"),
              new From("null", null, "cross-site"),
              new From("null", null, "same-site"),
              new From("null", null, null),
              new From("http://evil.example", null, null),
              new From("http://127.0.0.1:1", null, "same-site"),
              new From(null, null, "cross-site"));
      for (From from : foreign) {
        HttpResponse<String> refused = post(base, "/login", form("ada", secret), from, null);
        assertEquals(403, refused.statusCode(), from + ": " + refused.body());
        assertTrue(refused.body().contains("cross-origin"), refused.body());
        assertFalse(
            refused.headers().firstValue("Set-Cookie").isPresent(), from + " started a session");
      }

      HttpResponse<String> wrong =
          post(base, "/login", form("ada", "not-it"), From.ownPage(base), null);
      assertEquals(401, wrong.statusCode());
      assertTrue(wrong.body().contains("Wrong name or secret"), wrong.body());

      HttpResponse<String> login =
          post(base, "/login", form("ada", secret), From.ownPage(base), null);
      assertEquals(302, login.statusCode(), login.body());
      String cookie = session(login);
      assertEquals(200, infoStatus(base, cookie));
      // Our own page under a policy that hides the origin: the browser vouches with Sec-Fetch-Site.
      assertEquals(
          302,
          post(base, "/login", form("ada", secret), new From("null", null, "same-origin"), null)
              .statusCode());

      // A foreign page cannot log the annotator out either; the page's own button can.
      assertEquals(
          403,
          post(base, "/logout", "", new From("null", null, "cross-site"), cookie).statusCode());
      assertEquals(200, infoStatus(base, cookie), "the session survives a foreign log-out");
      HttpResponse<String> logout = post(base, "/logout", "", From.ownPage(base), cookie);
      assertEquals(302, logout.statusCode());
      assertEquals(401, infoStatus(base, cookie), "log-out ends the session on the server");
    }
  }

  @Test
  void theRateLimitIsAPageSayingHowLongToWait() throws Exception {
    try (ServerRuntime runtime =
        ServerRuntime.over(SyntheticCorpora.copyOf(temp.resolve("c"), 500, 16, 3), null)) {
      runtime.store().users().add("ada", Role.ADMIN);
      String base = runtime.start("127.0.0.1", 0).replaceAll("/$", "");
      for (int i = 0; i < 5; i++) {
        assertEquals(
            401,
            post(base, "/login", form("ada", "guess" + i), From.ownPage(base), null).statusCode());
      }
      // A throttled name and address keep one late check every 10 s (so the owner's right secret
      // still gets in): a guess past the limit may use it; the one after it is refused.
      HttpResponse<String> throttled = null;
      for (int i = 5; i < 8 && (throttled == null || throttled.statusCode() != 429); i++) {
        throttled = post(base, "/login", form("ada", "guess" + i), From.ownPage(base), null);
      }
      assertEquals(429, throttled.statusCode(), throttled.body());
      assertTrue(throttled.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
      long wait = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
      assertTrue(wait >= 1 && wait <= 60, "Retry-After " + wait);
      assertTrue(throttled.body().contains("wait " + wait + " s"), throttled.body());
    }
  }
}

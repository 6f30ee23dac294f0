package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.testkit.JsonHttp;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * A server with a token refuses /api without it and accepts the bearer header or the login cookie.
 */
class AuthTest {
  @TempDir Path temp;

  @Test
  void tokenIsRequiredAndAccepted() throws Exception {
    try (ServerRuntime runtime =
        ServerRuntime.over(SyntheticCorpora.copyOf(temp.resolve("c"), 3000, 32, 7), "s3cret")) {
      JsonHttp http = new JsonHttp(runtime.start("127.0.0.1", 0).replaceAll("/$", ""));
      JsonHttp.Reply refused = http.get("/api/labels");
      assertEquals(401, refused.status());
      assertEquals("unauthorized", refused.json().get("error").asText());
      assertEquals(
          401,
          http.send(
                  HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
                      .header("Authorization", "Bearer wrong"))
              .status());
      assertEquals(
          200,
          http.send(
                  HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
                      .header("Authorization", "Bearer s3cret"))
              .status());
      assertTrue(http.get("/login").body().contains("name=token"));
      // The cookie is a server-side session's random id, never the token itself.
      assertEquals(
          401,
          http.send(
                  HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
                      .header("Cookie", "va_session=s3cret"))
              .status());
      java.net.http.HttpResponse<String> login = login(http, "s3cret");
      assertEquals(302, login.statusCode());
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
      assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
      assertTrue(!cookie.contains("s3cret"), cookie);
      String session = cookie.substring(0, cookie.indexOf(';'));
      assertEquals(
          200,
          http.send(
                  HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
                      .header("Cookie", session))
              .status());
      // Logging out ends the session on the server.
      http.send(
          HttpRequest.newBuilder(URI.create(http.base() + "/logout"))
              .header("Cookie", session)
              .POST(HttpRequest.BodyPublishers.noBody()));
      assertEquals(
          401,
          http.send(
                  HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
                      .header("Cookie", session))
              .status());
    }
  }

  @Test
  void guessingTheTokenIsThrottled() throws Exception {
    try (ServerRuntime runtime =
        ServerRuntime.over(SyntheticCorpora.copyOf(temp.resolve("c"), 3000, 32, 7), "s3cret")) {
      JsonHttp http = new JsonHttp(runtime.start("127.0.0.1", 0).replaceAll("/$", ""));
      for (int i = 0; i < 5; i++) {
        assertEquals(
            401,
            http.send(
                    HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
                        .header("Authorization", "Bearer guess" + i))
                .status());
      }
      assertEquals(
          200,
          http.send(
                  HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
                      .header("Authorization", "Bearer s3cret"))
              .status(),
          "the right token still gets in after 5 wrong ones");
      assertEquals(302, login(http, "s3cret").statusCode(), "and so does the login form");
      assertEquals(
          401,
          http.send(
                  HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
                      .header("Authorization", "Bearer guess5"))
              .status(),
          "a throttled address has one late check");
      JsonHttp.Reply throttled =
          http.send(
              HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
                  .header("Authorization", "Bearer guess6"));
      assertEquals(
          429,
          throttled.status(),
          "the next guess waits for the next late check: " + throttled.body());
      assertEquals("too-many-attempts", throttled.json().get("error").asText());
      assertEquals(429, login(http, "guess7").statusCode(), "the login form is throttled too");
    }
  }

  @Test
  void theTokenComesFromAFileOrTheEnvironmentNotTheCommandLine() throws Exception {
    java.nio.file.Path file = temp.resolve("token.txt");
    java.nio.file.Files.writeString(file, "from-file\n");
    var fromFile = new org.videoannotator.server.auth.TokenOptions();
    new picocli.CommandLine(fromFile).parseArgs("--token-file", file.toString());
    assertEquals("from-file", fromFile.resolve());
    var none = new org.videoannotator.server.auth.TokenOptions();
    new picocli.CommandLine(none).parseArgs();
    assertEquals(
        System.getenv("VA_TOKEN") == null ? null : System.getenv("VA_TOKEN").strip(),
        none.resolve());
    var both = new org.videoannotator.server.auth.TokenOptions();
    new picocli.CommandLine(both).parseArgs("--token-file", file.toString(), "--token", "x");
    org.junit.jupiter.api.Assertions.assertThrows(
        org.videoannotator.core.UserException.class, both::resolve);
  }

  private static java.net.http.HttpResponse<String> login(JsonHttp http, String token)
      throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(http.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void nonLoopbackHostsNeedAToken() {
    assertTrue(ServeCommand.isLoopback("127.0.0.1"));
    assertTrue(ServeCommand.isLoopback("localhost"));
    assertTrue(!ServeCommand.isLoopback("0.0.0.0"));
  }
}

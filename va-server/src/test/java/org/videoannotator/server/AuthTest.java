package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server with a token refuses /api without it and accepts the bearer header or the login cookie. */
class AuthTest {
  @TempDir Path temp;

  @Test
  void tokenIsRequiredAndAccepted() {
    try (ServerRuntime runtime = ServerRuntime.over(TestCorpora.copy(temp.resolve("c"), 3000, 32, 7), "s3cret")) {
      Http http = new Http(runtime.start("127.0.0.1", 0).replaceAll("/$", ""));
      Http.Reply refused = http.get("/api/labels");
      assertEquals(401, refused.status());
      assertEquals("unauthorized", refused.json().get("error").asText());
      assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
          .header("Authorization", "Bearer wrong")).status());
      assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
          .header("Authorization", "Bearer s3cret")).status());
      assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/labels"))
          .header("Cookie", "va_token=s3cret")).status());
      assertTrue(http.get("/login").body().contains("name=token"));
      Http.Reply login = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("token=s3cret")));
      assertEquals(302, login.status());
    }
  }

  @Test
  void nonLoopbackHostsNeedAToken() {
    assertTrue(ServeCommand.isLoopback("127.0.0.1"));
    assertTrue(ServeCommand.isLoopback("localhost"));
    assertTrue(!ServeCommand.isLoopback("0.0.0.0"));
  }
}

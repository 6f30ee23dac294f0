package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.Json;
import org.videoannotator.server.store.Role;
import org.videoannotator.server.store.UserStore;
import org.videoannotator.testkit.JsonHttp;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * Issue 13 point 3: with accounts, every vote is bound to who cast it, annotators undo only their
 * own, only admins delete labels or others' votes, viewers only read, imports cannot forge votes,
 * and destructive actions are audited.
 */
class AccountsTest {
  @TempDir Path temp;

  private record As(JsonHttp http, String credential) {
    JsonHttp.Reply send(String method, String path, String body) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(http.base() + path))
              .header("Authorization", "Bearer " + credential);
      if (body != null) {
        b.header(
            "Content-Type",
            path.endsWith("/import") || path.contains("/import?")
                ? "text/csv"
                : "application/json");
        b.method(method, HttpRequest.BodyPublishers.ofString(body));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      return http.send(b);
    }
  }

  @Test
  void votesAreBoundToTheirAccountAndRolesAreEnforced() throws Exception {
    try (ServerRuntime runtime =
        ServerRuntime.over(SyntheticCorpora.copyOf(temp.resolve("c"), 3000, 32, 7), null)) {
      UserStore users = runtime.store().users();
      String adaSecret = users.add("ada", Role.ADMIN);
      String bobSecret = users.add("bob", Role.ANNOTATOR);
      String vicSecret = users.add("vic", Role.VIEWER);
      JsonHttp http = new JsonHttp(runtime.start("127.0.0.1", 0).replaceAll("/$", ""));
      As ada = new As(http, "ada:" + adaSecret);
      As bob = new As(http, "bob:" + bobSecret);
      As vic = new As(http, "vic:" + vicSecret);
      String key = SyntheticCorpora.key(0);

      assertEquals(
          401,
          http.get("/api/labels").status(),
          "accounts exist: no anonymous use, even on loopback");
      assertEquals(401, new As(http, "bob:wrong").send("GET", "/api/labels", null).status());
      assertEquals(
          "bob",
          Json.mapper()
              .readTree(bob.send("GET", "/api/info", null).body())
              .get("user")
              .get("name")
              .asText());

      assertEquals(
          201,
          bob.send("POST", "/api/labels", "{\"name\":\"night\",\"description\":\"d\"}").status());
      JsonHttp.Reply forged =
          bob.send(
              "POST",
              "/api/labels/night/annotations",
              "{\"annotations\":[{\"key\":\""
                  + key
                  + "\",\"value\":\"yes\",\"annotator\":\"ada\"}]}");
      assertEquals(403, forged.status(), forged.body());
      assertEquals("forged-annotator", forged.json().get("error").asText());
      assertEquals(
          201,
          bob.send(
                  "POST",
                  "/api/labels/night/annotations",
                  "{\"annotations\":[{\"key\":\"" + key + "\",\"value\":\"yes\"}]}")
              .status());
      assertEquals(
          201,
          ada.send(
                  "POST",
                  "/api/labels/night/annotations",
                  "{\"annotations\":[{\"key\":\"" + key + "\",\"value\":\"no\"}]}")
              .status());
      var votes = runtime.store().current("night").getFirst().votes();
      assertEquals(
          Map.of(
              "bob",
              org.videoannotator.server.store.Value.YES,
              "ada",
              org.videoannotator.server.store.Value.NO),
          votes);

      String adasVote =
          "/api/labels/night/annotations/" + ServerTestBase.enc(key) + "?annotator=ada";
      assertEquals(
          403, bob.send("DELETE", adasVote, null).status(), "bob cannot remove ada's vote");
      assertEquals(
          200,
          bob.send("DELETE", "/api/labels/night/annotations/" + ServerTestBase.enc(key), null)
              .status());
      assertEquals(
          200,
          ada.send(
                  "DELETE",
                  "/api/labels/night/annotations/" + ServerTestBase.enc(key) + "?annotator=ada",
                  null)
              .status());

      assertEquals(
          403, vic.send("POST", "/api/labels", "{\"name\":\"v\",\"description\":\"d\"}").status());
      assertEquals(200, vic.send("GET", "/api/labels", null).status());

      JsonHttp.Reply csvForged =
          bob.send(
              "POST",
              "/api/labels/night/import?format=csv",
              "key,value,annotator\n" + key + ",yes,ada\n");
      assertEquals(403, csvForged.status(), csvForged.body());
      assertEquals(
          201,
          ada.send(
                  "POST",
                  "/api/labels/night/import?format=csv",
                  "key,value,annotator\n" + key + ",yes,carl\n")
              .status());

      assertEquals(
          403, bob.send("DELETE", "/api/labels/night", null).status(), "only admins delete labels");
      assertEquals(200, ada.send("DELETE", "/api/labels/night", null).status());
      List<String> actions =
          users.auditTrail(20).stream().map(e -> e.actor() + " " + e.action()).toList();
      assertTrue(actions.contains("ada label-deleted"), actions.toString());
      assertTrue(actions.contains("ada import"), actions.toString());
    }
  }

  @Test
  void browsersLogInWithNameAndSecret() throws Exception {
    try (ServerRuntime runtime =
        ServerRuntime.over(SyntheticCorpora.copyOf(temp.resolve("c"), 3000, 32, 7), null)) {
      String secret = runtime.store().users().add("bob", Role.ANNOTATOR);
      JsonHttp http = new JsonHttp(runtime.start("127.0.0.1", 0).replaceAll("/$", ""));
      assertTrue(http.get("/login").body().contains("name=secret"));
      var client = java.net.http.HttpClient.newHttpClient();
      var wrong =
          client.send(
              HttpRequest.newBuilder(URI.create(http.base() + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("name=bob&secret=nope"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(401, wrong.statusCode());
      var login =
          client.send(
              HttpRequest.newBuilder(URI.create(http.base() + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("name=bob&secret=" + secret))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(302, login.statusCode());
      String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
      String session = cookie.substring(0, cookie.indexOf(';'));
      JsonHttp.Reply info =
          http.send(
              HttpRequest.newBuilder(URI.create(http.base() + "/api/info"))
                  .header("Cookie", session));
      assertEquals("annotator", info.json().get("user").get("role").asText());
    }
  }
}

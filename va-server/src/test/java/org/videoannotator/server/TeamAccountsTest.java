package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.server.store.Role;
import org.videoannotator.server.store.UserStore;
import org.videoannotator.testkit.JsonHttp;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * With accounts, reviewers and admins settle disagreements; annotators and viewers may not; the
 * settler is the account.
 */
class TeamAccountsTest {
  @TempDir Path temp;

  private static JsonHttp.Reply send(
      JsonHttp http, String credential, String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(http.base() + path))
            .header("Authorization", "Bearer " + credential)
            .header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b);
  }

  @Test
  void onlyReviewersAndAdminsSettle() {
    try (ServerRuntime runtime =
        ServerRuntime.over(SyntheticCorpora.copyOf(temp.resolve("c"), 3000, 32, 7), null)) {
      UserStore users = runtime.store().users();
      String ada = "ada:" + users.add("ada", Role.ADMIN);
      String bob = "bob:" + users.add("bob", Role.ANNOTATOR);
      String sam = "sam:" + users.add("sam", Role.REVIEWER);
      String vic = "vic:" + users.add("vic", Role.VIEWER);
      JsonHttp http = new JsonHttp(runtime.start("127.0.0.1", 0).replaceAll("/$", ""));
      String key = SyntheticCorpora.key(0);
      assertEquals(
          201,
          send(http, ada, "POST", "/api/labels", "{\"name\":\"night\",\"description\":\"d\"}")
              .status());
      assertEquals(
          201,
          send(
                  http,
                  bob,
                  "POST",
                  "/api/labels/night/annotations",
                  "{\"key\":\"" + key + "\",\"value\":\"yes\"}")
              .status());
      assertEquals(
          201,
          send(
                  http,
                  sam,
                  "POST",
                  "/api/labels/night/annotations",
                  "{\"key\":\"" + key + "\",\"value\":\"no\"}")
              .status());
      String settle = "{\"key\":\"" + key + "\",\"value\":\"yes\",\"note\":\"the sky is dark\"}";

      JsonHttp.Reply refused = send(http, bob, "POST", "/api/labels/night/adjudication", settle);
      assertEquals(403, refused.status(), refused.body());
      assertTrue(
          refused.json().get("detail").asText().contains("reviewers and admins"), refused.body());
      assertEquals(403, send(http, vic, "POST", "/api/labels/night/adjudication", settle).status());
      assertEquals(
          200,
          send(http, vic, "GET", "/api/labels/night/agreement", null).status(),
          "viewers read the figures");
      assertEquals(
          1,
          send(http, vic, "GET", "/api/labels/night/adjudication", null)
              .json()
              .get("open")
              .asInt());

      JsonHttp.Reply settled = send(http, sam, "POST", "/api/labels/night/adjudication", settle);
      assertEquals(200, settled.status(), settled.body());
      assertEquals(
          "sam",
          settled.json().get("annotation").get("settlement").get("by").asText(),
          "the account, not a header");
      String undo = "/api/labels/night/adjudication?key=" + ServerTestBase.enc(key);
      assertEquals(403, send(http, bob, "DELETE", undo, null).status());
      assertEquals(200, send(http, ada, "DELETE", undo, null).status());
      assertEquals("ada", runtime.store().users().auditTrail(1).getFirst().actor());
    }
  }
}

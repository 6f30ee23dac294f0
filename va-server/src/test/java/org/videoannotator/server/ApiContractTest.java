package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.videoannotator.testkit.JsonHttp;
import org.videoannotator.testkit.SyntheticCorpora;

/** Error shapes, the OpenAPI document, media safety, and odd label names. */
class ApiContractTest extends ServerTestBase {
  private static void assertError(JsonHttp.Reply r, int status, String field) {
    assertEquals(status, r.status(), r.body());
    JsonNode body = r.json();
    assertTrue(body.has("error") && body.has("detail"), r.body());
    if (field != null) {
      assertEquals(field, body.get("field").asText(), r.body());
    }
  }

  /**
   * The route table is the only list of routes: the server registers exactly its routes, and
   * openapi.json and API.md describe exactly those (a route added in one place only fails here).
   */
  @Test
  void theRouteTableIsWhatIsServedAndDocumented() throws Exception {
    Set<ApiRoutes.Route> table = new LinkedHashSet<>(ApiRoutes.routes());
    assertEquals(ApiRoutes.routes().size(), table.size(), "a route twice in the table");
    assertTrue(table.size() >= 30, table.toString());
    Set<ApiRoutes.Route> registered = new LinkedHashSet<>();
    for (ApiRoutes.Route route : runtime.server().routes()) {
      if (route.path().startsWith("/api")
          && !route.method().equals("BEFORE")
          && !route.method().equals("AFTER")) {
        registered.add(route);
      }
    }
    assertEquals(table, registered, "the server registers exactly the table's /api routes");

    JsonNode doc = http.get("/api/openapi.json").json();
    Set<ApiRoutes.Route> documented = new LinkedHashSet<>();
    doc.get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          if (List.of("get", "post", "put", "patch", "delete")
                              .contains(op.getKey())) {
                            documented.add(
                                new ApiRoutes.Route(
                                    op.getKey().toUpperCase(Locale.ROOT), path.getKey()));
                          }
                        }));
    assertEquals(table, documented, "openapi.json documents exactly the table's routes");

    String apiMd = Files.readString(Path.of("API.md"));
    for (ApiRoutes.Route route : table) {
      String mention = "`" + route.method() + " " + route.path();
      assertTrue(
          apiMd.contains(mention + "`") || apiMd.contains(mention + "?"),
          "API.md does not describe " + route);
    }
  }

  @Test
  void badRequestsGetJsonErrorsNamingTheField() {
    assertError(http.get("/api/labels/nope"), 404, "label");
    assertError(http.get("/api/clips/nope"), 404, "key");
    assertError(http.get("/api/nothing/here"), 404, null);
    assertError(http.post("/api/labels", "{not json"), 400, "body");
    assertError(http.post("/api/labels", Map.of("name", "a/b")), 400, "name");
    assertError(http.post("/api/labels", Map.of("description", "x")), 400, "name");
    createLabel("gore");
    assertError(http.post("/api/labels", Map.of("name", "gore")), 409, "name");
    assertError(http.get("/api/search?words=x&k=abc"), 400, "k");
    assertError(http.get("/api/search?words=x&k=100000"), 400, "k");
    assertError(http.get("/api/search?words=x&text=y"), 400, "text");
    assertError(http.get("/api/search?like=no-such-key"), 404, "like");
    assertError(http.get("/api/search?query=no-such-query"), 404, "query");
    assertError(http.get("/api/search?words=x&unlabelled=true"), 400, "unlabelled");
    assertError(
        http.post("/api/labels/gore/annotations", Map.of("key", "nope", "value", "yes")),
        404,
        "annotations[0].key");
    assertError(
        http.post(
            "/api/labels/gore/annotations",
            Map.of("key", SyntheticCorpora.key(0), "value", "perhaps")),
        400,
        "annotations[0].value");
    assertError(
        http.post(
            "/api/labels/gore/annotations",
            List.of(
                Map.of("key", SyntheticCorpora.key(0), "value", "yes"),
                Map.of("key", SyntheticCorpora.key(1)))),
        400,
        "annotations[1].value");
    assertEquals(
        0,
        http.get("/api/labels/gore/annotations").json().get("annotations").size(),
        "a batch with one bad item stores nothing");
    assertError(http.get("/api/labels/gore/feeds/top-positive"), 409, "feed");
    assertError(http.get("/api/labels/gore/feeds/sideways"), 404, "feed");
    assertError(http.get("/api/builds/xyz"), 400, "id");
    assertError(http.get("/api/builds/999"), 404, "id");
    assertError(http.get("/api/labels/gore/review?filter=odd"), 400, "filter");
    assertError(http.get("/api/labels/gore/export?format=pdf"), 400, "format");
    assertError(http.post("/api/labels/gore/models/1/score", "{}"), 404, "version");
  }

  @Test
  void aBuildWithoutNegativesSaysWhatToLabel() {
    createLabel("happy");
    http.post(
        "/api/labels/happy/annotations",
        List.of(
            Map.of("key", SyntheticCorpora.key(0), "value", "yes"),
            Map.of("key", SyntheticCorpora.key(1), "value", "yes")));
    JsonHttp.Reply r = http.post("/api/labels/happy/builds", "{}");
    assertError(r, 409, "annotations");
    String detail = r.json().get("detail").asText();
    assertTrue(detail.contains("2 positive and 0 negative") && detail.contains("'no'"), detail);
  }

  @Test
  void mediaComeOnlyFromTheMediaFolder() throws Exception {
    String key = SyntheticCorpora.key(5);
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
    SyntheticCorpora.writeThumbnail(runtime.corpus(), key, jpeg);
    JsonHttp.Reply ok = http.get("/api/clips/" + enc(key) + "/thumbnail");
    assertEquals(200, ok.status());
    assertEquals("image/jpeg", ok.contentType());
    assertTrue(http.get("/api/clips/" + enc(key)).json().get("hasThumbnail").asBoolean());
    assertError(http.get("/api/clips/" + enc(key) + "/preview"), 404, "key");

    Path secret = temp.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    for (String attempt :
        List.of(
            "..%2F..%2Fsecret.txt",
            "%2e%2e%2f%2e%2e%2fsecret.txt",
            "..",
            "%2F",
            "..%5C..%5Csecret.txt",
            "vid0%7C0%2F..%2F..%2F..%2Fsecret.txt")) {
      JsonHttp.Reply r = http.get("/api/clips/" + attempt + "/thumbnail");
      assertTrue(
          r.status() >= 400 && r.status() < 500, attempt + " -> " + r.status() + " " + r.body());
      assertTrue(!r.body().contains("TOP-SECRET-CONTENT"), attempt + " " + r.body());
    }
    // A symlink planted in the media folder that points outside it is not followed.
    String other = SyntheticCorpora.key(6);
    Path link = runtime.corpus().layout().thumbnail(other);
    Files.createSymbolicLink(link, secret);
    JsonHttp.Reply viaLink = http.get("/api/clips/" + enc(other) + "/thumbnail");
    assertEquals(404, viaLink.status());
  }

  @Test
  void labelNamesWithHtmlAndSpacesWork() {
    String name = "<img src=x onerror=alert(1)> & \"friends\"";
    assertEquals(201, http.post("/api/labels", Map.of("name", name, "keywords", "a, b")).status());
    JsonNode label = http.get("/api/labels/" + enc(name)).json();
    assertEquals(name, label.get("name").asText());
    assertEquals(List.of("a", "b"), keys(label.get("keywords"), null));
    assertEquals(
        201,
        http.post(
                "/api/labels/" + enc(name) + "/annotations",
                Map.of("key", SyntheticCorpora.key(0), "value", "yes"))
            .status());
    assertEquals(200, http.get("/api/labels/" + enc(name) + "/export?format=csv").status());
    assertEquals(
        "x",
        http.patch("/api/labels/" + enc(name), "{\"description\":\"x\"}")
            .json()
            .get("description")
            .asText());
    assertEquals(200, http.delete("/api/labels/" + enc(name)).status());
    assertError(http.get("/api/labels/" + enc(name)), 404, "label");
  }

  @Test
  void ontologyImportCreatesLabelsWithDescriptionsAndKeywords() throws Exception {
    String ontology;
    try (var in = getClass().getResourceAsStream("/task_descriptions.json")) {
      ontology = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    JsonNode r = http.post("/api/labels/import", ontology).json();
    assertEquals(56, r.get("created").size());
    JsonNode action = http.get("/api/labels/action").json();
    assertTrue(action.get("keywords").toString().contains("Car Chase"), action.toString());
    JsonNode again = http.post("/api/labels/import", ontology).json();
    assertEquals(56, again.get("existing").size());
    assertEquals(56, http.get("/api/labels").json().size());
  }

  @Test
  void uiFolderAbsentSaysSo() {
    JsonHttp.Reply root = http.get("/");
    assertEquals(200, root.status());
    assertNotEquals(-1, root.body().indexOf("not on the classpath"));
  }
}

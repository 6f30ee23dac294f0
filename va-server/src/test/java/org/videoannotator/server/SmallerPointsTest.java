package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.videoannotator.testkit.JsonHttp;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * Issue 27 points 5 and 7 (without accounts): media answer Range requests with 206; a label that
 * does not exist gets one wording whichever route meets it; imports are capped in rows and a large
 * one is stored whole in chunks; builds superseded in a burst leave no model file without its
 * version.
 */
class SmallerPointsTest extends ServerTestBase {
  @Override
  int corpusSize() {
    return 300;
  }

  @Test
  void previewsAnswerRangeRequestsWith206() throws Exception {
    String key = SyntheticCorpora.key(3);
    Path preview = runtime.corpus().layout().preview(key);
    Files.createDirectories(preview.getParent());
    byte[] bytes = new byte[10_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    Files.write(preview, bytes);
    String url =
        http.base()
            + "/api/media/preview?key="
            + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8);
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<byte[]> part =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=100-199").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(206, part.statusCode());
    assertEquals("bytes 100-199/10000", part.headers().firstValue("Content-Range").orElse(""));
    assertArrayEquals(Arrays.copyOfRange(bytes, 100, 200), part.body());
    HttpResponse<byte[]> tail =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=-10").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(206, tail.statusCode());
    assertArrayEquals(Arrays.copyOfRange(bytes, 9_990, 10_000), tail.body());
    HttpResponse<byte[]> whole =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, whole.statusCode());
    assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
    assertArrayEquals(bytes, whole.body());
    HttpResponse<String> past =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=20000-").build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(416, past.statusCode(), past.body());
    assertEquals("bytes */10000", past.headers().firstValue("Content-Range").orElse(""));
    HttpResponse<byte[]> garbage =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=x-y").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, garbage.statusCode(), "a Range that is not one byte range is ignored");
  }

  @Test
  void aMissingLabelHasOneWordingOnEveryRoute() {
    createLabel("gone");
    assertEquals(200, http.delete("/api/labels/gone").status());
    String vote =
        "{\"key\":\"" + SyntheticCorpora.key(0) + "\",\"value\":\"yes\",\"annotator\":\"a\"}";
    Set<String> details = new HashSet<>();
    for (JsonHttp.Reply r :
        List.of(
            http.get("/api/labels/gone"),
            http.post("/api/labels/gone/annotations", vote),
            http.patch("/api/labels/gone", "{\"description\":\"x\"}"),
            http.get("/api/search?words=a&label=gone"),
            http.get("/api/browse?label=gone"))) {
      assertEquals(404, r.status(), r.body());
      details.add(r.json().get("detail").asText());
    }
    assertEquals(1, details.size(), details.toString());
  }

  @Test
  void importsAreCappedInRowsAndStoredInChunks() {
    createLabel("imp");
    StringBuilder big = new StringBuilder("key,value\n");
    for (int i = 0; i < 100_001; i++) {
      big.append(SyntheticCorpora.key(0)).append(",yes\n");
    }
    JsonHttp.Reply refused =
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/api/labels/imp/import?format=csv"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(big.toString())));
    assertEquals(400, refused.status(), refused.body());
    assertTrue(refused.json().get("detail").asText().contains("100000"), refused.body());
    StringBuilder ok = new StringBuilder("key,value,annotator\n");
    for (int i = 0; i < 12_000; i++) {
      ok.append(SyntheticCorpora.key(i % 300)).append(",yes,a").append(i / 300).append('\n');
    }
    JsonHttp.Reply stored =
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/api/labels/imp/import?format=csv"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(ok.toString())));
    assertEquals(201, stored.status(), stored.body());
    assertEquals(12_000, stored.json().get("imported").asInt());
    assertEquals(300, runtime.store().current("imp").size());
  }

  @Test
  void supersededBuildsLeaveNoModelFileWithoutItsVersion() throws Exception {
    createLabel("burst");
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      keys.add(SyntheticCorpora.key(i));
    }
    assertEquals(201, labelByTruth("burst", keys, Map.of("kind", "other")).status());
    for (int i = 0; i < 15; i++) {
      assertEquals(202, http.post("/api/labels/burst/builds", "{}").status());
      Thread.sleep(i * 7L % 40);
    }
    build("burst");
    Thread.sleep(500);
    Set<String> recorded = new HashSet<>();
    runtime.store().models().models("burst").forEach(m -> recorded.add(m.path()));
    Path folder = runtime.corpus().dir().resolve("models");
    List<String> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files =
          walk.filter(Files::isRegularFile)
              .map(p -> runtime.corpus().dir().relativize(p).toString())
              .toList();
    }
    for (String file : files) {
      assertTrue(
          recorded.contains(file), "model file " + file + " has no version; versions: " + recorded);
    }
  }
}

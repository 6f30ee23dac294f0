package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.index.Clip;
import org.videoannotator.index.ClipVector;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.server.clips.ClipView;
import org.videoannotator.testkit.JsonHttp;
import org.videoannotator.testkit.SyntheticCorpora;

/** Keys with '/' (videos ingested from sub-folders) work through the query-parameter routes. */
class SlashKeysTest {
  @TempDir Path temp;

  @Test
  void clipMediaAndUndoWorkForKeysWithSlashes() throws Exception {
    Corpus corpus =
        Corpus.open(temp.resolve("c"), CorpusOptions.create(EmbedderInfo.of("t", "1"), 4));
    List<ClipVector> clips = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      clips.add(
          new ClipVector(
              Clip.of("season 1/ep 2.mp4|" + i * 24, "season 1/ep 2.mp4"),
              new float[] {1, i, 0, 1}));
    }
    corpus.append(clips);
    String key = "season 1/ep 2.mp4|24";
    SyntheticCorpora.writeThumbnail(corpus, key, new byte[] {(byte) 0xFF, (byte) 0xD8, 7});
    try (ServerRuntime runtime = ServerRuntime.over(corpus, null)) {
      JsonHttp http = new JsonHttp(runtime.start("127.0.0.1", 0).replaceAll("/$", ""));
      String q = "?key=" + ClipView.urlSegment(key);
      JsonNode clip = http.get("/api/clip" + q).json();
      assertEquals(key, clip.get("key").asText());
      assertEquals(200, http.get(clip.get("thumbnail").asText()).status());
      assertEquals(404, http.get(clip.get("preview").asText()).status());
      assertEquals(400, http.get("/api/clip").status());
      assertEquals(201, http.post("/api/labels", Map.of("name", "x")).status());
      assertEquals(
          201, http.post("/api/labels/x/annotations", Map.of("key", key, "value", "yes")).status());
      assertEquals(200, http.delete("/api/labels/x/annotations" + q).status());
      assertEquals(404, http.delete("/api/labels/x/annotations" + q).status());
      assertEquals(0, http.get("/api/labels/x/annotations").json().get("annotations").size());
    }
  }
}

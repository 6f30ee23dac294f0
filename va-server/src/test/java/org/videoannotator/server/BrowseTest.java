package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.videoannotator.index.Clip;
import org.videoannotator.server.browse.BrowseService;

/** Issue 14 point 2: every clip, by video in timeline order, filtered, on any corpus. */
class BrowseTest extends ServerTestBase {
  @Override
  int corpusSize() {
    return 500;
  }

  @Test
  void serviceWalksVideosInTimelineOrderWithFilters() {
    BrowseService service = new BrowseService(runtime.corpus());
    BrowseService.Page all =
        service.browse(new BrowseService.Query("", 0, Double.MAX_VALUE, Set.of(), 1_000, 0));
    assertEquals(corpusSize(), all.total());
    List<Clip> clips = all.clips();
    for (int i = 1; i < clips.size(); i++) {
      Clip a = clips.get(i - 1);
      Clip b = clips.get(i);
      int byVideo = a.video().compareTo(b.video());
      assertTrue(
          byVideo < 0 || (byVideo == 0 && a.start() <= b.start()), a.key() + " before " + b.key());
    }
    String video = clips.get(0).video();
    BrowseService.Page one =
        service.browse(
            new BrowseService.Query(video.toUpperCase(), 0, Double.MAX_VALUE, Set.of(), 1_000, 0));
    assertTrue(
        one.total() > 0 && one.clips().stream().allMatch(c -> c.video().contains(video)),
        one.toString());
    BrowseService.Page paged =
        service.browse(new BrowseService.Query("", 0, Double.MAX_VALUE, Set.of(), 10, 20));
    assertEquals(clips.subList(20, 30), paged.clips());
    Set<String> exclude = Set.of(clips.get(0).key(), clips.get(1).key());
    BrowseService.Page without =
        service.browse(new BrowseService.Query("", 0, Double.MAX_VALUE, exclude, 5, 0));
    assertEquals(corpusSize() - 2, without.total());
    assertEquals(clips.get(2), without.clips().get(0));
  }

  @Test
  void apiFiltersByDurationAndUnlabelledAndRefusesBadInput() {
    createLabel("night");
    List<String> firstTwo = new ArrayList<>();
    JsonNode page = http.get("/api/browse?k=2").json();
    page.get("hits").forEach(h -> firstTwo.add(h.get("key").asText()));
    labelByTruth("night", firstTwo, Map.of("kind", "browse"));
    JsonNode unlabelled = http.get("/api/browse?label=night&unlabelled=true&k=1000").json();
    assertEquals(corpusSize() - 2, unlabelled.get("total").asInt());
    JsonNode annotated = http.get("/api/browse?label=night&k=2").json();
    assertTrue(annotated.get("hits").get(0).get("annotation").has("value"), annotated.toString());
    JsonNode longOnes = http.get("/api/browse?minSeconds=1.5&k=1000").json();
    longOnes
        .get("hits")
        .forEach(
            h ->
                assertTrue(
                    h.get("clip").get("end").asDouble() - h.get("clip").get("start").asDouble()
                        >= 1.5,
                    h.toString()));
    assertEquals(400, http.get("/api/browse?minSeconds=abc").status());
    assertEquals(400, http.get("/api/browse?minSeconds=5&maxSeconds=1").status());
    assertEquals(400, http.get("/api/browse?unlabelled=true").status());
    assertEquals(404, http.get("/api/browse?label=nosuch").status());
  }
}

package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.videoannotator.testkit.JsonHttp;
import org.videoannotator.testkit.SyntheticCorpora;

/** The annotator's day, as issue 7 describes it, against the real server. */
class AnnotatorFlowTest extends ServerTestBase {
  private static final List<String> FOUR =
      List.of("top-positive", "top-negative", "borderline", "random");

  @Test
  void searchLabelBuildFeedsRebuildReview() throws Exception {
    createLabel("beach");

    JsonNode beach = http.get("/api/search?words=beach&k=15&label=beach&unlabelled=true").json();
    assertEquals(15, beach.get("hits").size());
    JsonNode city = http.get("/api/search?words=city&k=15&label=beach&unlabelled=true").json();
    List<String> searched = new ArrayList<>(keys(beach.get("hits"), "key"));
    searched.addAll(keys(city.get("hits"), "key"));
    JsonHttp.Reply labelled =
        labelByTruth("beach", searched, Map.of("kind", "search", "query", "beach"));
    assertEquals(201, labelled.status(), labelled.body());
    assertEquals(30, labelled.json().get("accepted").asInt());
    JsonNode counts = labelled.json().get("counts");
    assertEquals(30, counts.get("yes").asInt() + counts.get("no").asInt());

    // unlabelled=true now leaves those 15 out.
    JsonNode again = http.get("/api/search?words=beach&k=50&label=beach&unlabelled=true").json();
    keys(again.get("hits"), "key").forEach(k -> assertFalse(searched.contains(k), k));
    JsonNode annotatedHit = http.get("/api/search?words=beach&k=50&label=beach").json().get("hits");
    assertTrue(
        java.util.stream.StreamSupport.stream(annotatedHit.spliterator(), false)
            .anyMatch(h -> h.get("annotation").isObject()),
        "hits carry the label's annotation");

    JsonNode first = build("beach");
    assertEquals("done", first.get("status").asText(), first.toString());
    assertEquals(1, first.get("modelVersion").asInt());
    assertTrue(first.get("quality").get("apMean").asDouble() > 0.8, first.toString());
    double diversity = first.get("diversity").asDouble();
    assertTrue(diversity > 0 && diversity <= 1, first.toString());
    for (String stage : List.of("load", "train", "score", "feeds", "save")) {
      assertTrue(first.get("stageMillis").has(stage), stage);
    }

    Set<String> labelledKeys = new HashSet<>(searched);
    Map<String, List<String>> feeds = readFourFeeds("beach", labelledKeys);
    // Top-positive clips of a good model show the concept.
    long truePositives =
        feeds.get("top-positive").stream()
            .filter(k -> SyntheticCorpora.concept(runtime.corpus().clip(k).orElseThrow()))
            .count();
    assertTrue(truePositives >= 18, "top-positive precision " + truePositives + "/20");

    long buildId = first.get("id").asLong();
    for (String feed : FOUR) {
      List<String> some = feeds.get(feed).subList(0, 5);
      assertEquals(
          201,
          labelByTruth("beach", some, Map.of("kind", "feed", "feed", feed, "buildId", buildId))
              .status());
      labelledKeys.addAll(some);
    }
    // Feeds leave out clips labelled since the build.
    for (String feed : FOUR) {
      JsonNode page = http.get("/api/labels/beach/feeds/" + feed + "?k=20").json();
      keys(page.get("items"), "key")
          .forEach(k -> assertFalse(labelledKeys.contains(k), feed + " " + k));
    }
    JsonNode auto = http.get("/api/labels/beach/feeds/auto?k=10").json();
    assertTrue(FOUR.contains(auto.get("chosenFeed").asText()), auto.toString());
    assertEquals(10, auto.get("items").size());
    JsonNode diverse = http.get("/api/labels/beach/feeds/borderline-diverse?k=10").json();
    assertEquals(10, diverse.get("items").size());

    JsonNode second = build("beach");
    assertEquals("done", second.get("status").asText(), second.toString());
    assertEquals(2, second.get("modelVersion").asInt());
    assertEquals(50, second.get("positives").asInt() + second.get("negatives").asInt());
    readFourFeeds("beach", labelledKeys);

    JsonNode models = http.get("/api/labels/beach/models").json();
    assertEquals(2, models.size());
    JsonNode scored =
        http.post(
                "/api/labels/beach/models/2/score",
                Map.of("keys", List.of(searched.get(0), searched.get(20))))
            .json();
    assertEquals(2, scored.get("scores").size());
    JsonNode preview = http.get("/api/labels/beach/preview?k=5").json();
    assertEquals(5, preview.get("items").size());
    preview.get("items").forEach(i -> assertFalse(labelledKeys.contains(i.get("key").asText())));

    JsonNode label = http.get("/api/labels/beach").json();
    assertEquals(2, label.get("latestBuild").get("modelVersion").asInt());
    assertEquals(2, http.get("/api/labels/beach/builds").json().size());

    JsonNode review = http.get("/api/labels/beach/review?filter=all").json();
    assertEquals(50, review.get("total").asInt());
    assertTrue(review.get("items").get(0).get("modelScore").isNumber());
    JsonNode positives = http.get("/api/labels/beach/review?filter=positives").json();
    positives
        .get("items")
        .forEach(i -> assertEquals("yes", i.get("annotation").get("value").asText()));
    // A deliberate mistake shows up first among the flipped ones.
    String wrong = searched.get(0); // a beach clip
    http.post(
        "/api/labels/beach/annotations",
        Map.of(
            "key", wrong, "value", "no", "annotator", "alice", "source", Map.of("kind", "review")));
    JsonNode flipped = http.get("/api/labels/beach/review?filter=flipped").json();
    assertEquals(
        wrong,
        flipped.get("items").get(0).get("annotation").get("key").asText(),
        flipped.toString());
    // Bob disagrees with alice on one clip.
    http.post(
        "/api/labels/beach/annotations",
        Map.of("key", searched.get(1), "value", "no", "annotator", "bob"));
    JsonNode disputed = http.get("/api/labels/beach/review?filter=disagreements").json();
    assertEquals(1, disputed.get("total").asInt());
    assertEquals(2, disputed.get("items").get(0).get("annotation").get("votes").size());
  }

  /**
   * Reads the four feeds: each full and without labelled keys; top-positive, top-negative and
   * borderline disjoint (the random feed samples every unlabelled clip, so it may repeat one).
   */
  private Map<String, List<String>> readFourFeeds(String label, Set<String> labelled) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (String feed : FOUR) {
      JsonNode page = http.get("/api/labels/" + label + "/feeds/" + feed + "?k=20").json();
      List<String> keys = keys(page.get("items"), "key");
      assertEquals(20, keys.size(), feed);
      for (String k : keys) {
        assertFalse(labelled.contains(k), feed + " offers labelled " + k);
        assertTrue(
            feed.equals("random") || seen.add(k), feed + " repeats " + k + " of another feed");
      }
      out.put(feed, keys);
    }
    return out;
  }

  @Test
  void annotationsUndoAndHistory() {
    createLabel("sad");
    String key = SyntheticCorpora.key(3);
    assertEquals(
        201,
        http.post("/api/labels/sad/annotations", List.of(Map.of("key", key, "value", "yes")))
            .status());
    assertEquals(
        201,
        http.post(
                "/api/labels/sad/annotations",
                Map.of("key", key, "value", "unsure", "annotator", "bob"))
            .status());
    JsonNode current = http.get("/api/labels/sad/annotations").json();
    assertEquals(1, current.get("annotations").size());
    assertEquals("yes", current.get("annotations").get(0).get("value").asText());
    assertEquals(
        200,
        http.delete("/api/labels/sad/annotations/" + enc(key) + "?annotator=anonymous").status());
    assertEquals(
        404,
        http.delete("/api/labels/sad/annotations/" + enc(key) + "?annotator=anonymous").status());
    current = http.get("/api/labels/sad/annotations").json();
    assertEquals("unsure", current.get("annotations").get(0).get("value").asText());
    JsonNode history = http.get("/api/labels/sad/history?key=" + enc(key)).json().get("events");
    assertEquals(List.of("removed", "unsure", "yes"), keys(history, "value"));
  }
}

package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.videoannotator.core.Json;
import org.videoannotator.testkit.JsonHttp;

/**
 * Issue 24 item 3 through the real server: a build on a biased labelled set (the concept's clips
 * and "no" clips from one other cluster only, as a search gives) must not call the corpus "yes" by
 * the labelled set's balance; once the random feed's clips are labelled, the estimated prevalence
 * lands near the corpus's true share and the AP is measured on them too. The random feed is a
 * uniform sample: it shares clips with the top-positive feed and says so.
 */
class HonestEstimatesTest extends ServerTestBase {
  private static final String LABEL = "concept";

  private double truth;

  /** 14 yes of the concept, 9 no all from cluster 2: a labelled set unlike the corpus. */
  private List<String> searchLikeKeys() {
    truth = (double) conceptClips() / corpusSize();
    return conceptKeys(14, 9, clip -> clip.cluster() == 2);
  }

  @Test
  void aBiasedBuildSaysItIsUncheckedAndRandomLabelsBringThePrevalenceToTheTruth() throws Exception {
    createLabel(LABEL);
    assertEquals(
        201,
        labelByTruth(LABEL, searchLikeKeys(), Map.of("kind", "search", "query", "beach")).status());
    JsonNode first = build(LABEL);
    assertEquals("done", first.get("status").asText(), first.toString());
    JsonNode e = first.get("estimates");
    assertEquals("prior-shift", e.get("prevalence").get("method").asText(), e.toString());
    assertEquals(0, e.get("prevalence").get("randomLabels").asInt());
    double yesShare = e.get("yesShare").asDouble();
    assertTrue(
        yesShare > 0 && yesShare < 3 * truth + 0.05,
        "yes share " + yesShare + " at a true " + truth);
    assertEquals(
        first.get("quality").get("decision").get("threshold").asDouble(),
        e.get("threshold").asDouble(),
        0,
        "the build's decision is the corpus cut");
    assertTrue(e.get("apOnRandom").isNull(), e.toString());
    assertTrue(e.get("advice").toString().contains("Random feed"), e.get("advice").toString());
    assertEquals(
        e.get("yesClips").asLong(), exportedYes(), "the export cuts where the estimates say");

    // The editor follows the advice: 60 clips from the random feed, labelled where they were shown.
    JsonNode feed = http.get("/api/labels/" + LABEL + "/feeds/random?k=60").json();
    List<String> random = keys(feed.get("items"), "key");
    assertEquals(60, random.size());
    assertEquals(
        201,
        labelByTruth(
                LABEL,
                random,
                Map.of("kind", "feed", "feed", "random", "buildId", feed.get("buildId").asLong()))
            .status());
    JsonNode second = build(LABEL);
    JsonNode p = second.get("estimates").get("prevalence");
    assertTrue(!p.get("method").asText().equals("prior-shift"), p.toString());
    assertEquals(60, p.get("randomLabels").asInt());
    double value = p.get("value").asDouble();
    boolean inside =
        p.get("ci").get(0).asDouble() <= truth && truth <= p.get("ci").get(1).asDouble();
    assertTrue(
        inside || (value < 1.5 * truth && value > truth / 1.5),
        p + " against a true share of " + truth);
    double share = second.get("estimates").get("yesShare").asDouble();
    assertTrue(
        share < 2 * truth && share > truth / 2, "yes share " + share + " at a true " + truth);
    JsonNode ap = second.get("estimates").get("apOnRandom");
    assertEquals(60, ap.get("n").asInt(), ap.toString());
    assertTrue(
        ap.get("ci").get(0).asDouble() <= ap.get("value").asDouble()
            && ap.get("value").asDouble() <= ap.get("ci").get(1).asDouble(),
        ap.toString());
    // the build panel's summary carries the same estimates
    JsonNode latest = http.get("/api/labels/" + LABEL).json().get("latestBuild");
    assertEquals(second.get("estimates"), latest.get("estimates"));
  }

  @Test
  void theRandomFeedSamplesEveryUnlabelledClipAndMarksTheOnesOtherFeedsOffer() throws Exception {
    createLabel(LABEL);
    labelByTruth(LABEL, searchLikeKeys(), Map.of("kind", "search", "query", "beach"));
    assertEquals("done", build(LABEL, Map.of("feedSize", 400)).get("status").asText());
    Set<String> top =
        new HashSet<>(
            keys(
                http.get("/api/labels/" + LABEL + "/feeds/top-positive?k=400").json().get("items"),
                "key"));
    Map<String, JsonNode> random = new HashMap<>();
    http.get("/api/labels/" + LABEL + "/feeds/random?k=400")
        .json()
        .get("items")
        .forEach(i -> random.put(i.get("key").asText(), i));
    assertEquals(400, random.size());
    long shared = random.keySet().stream().filter(top::contains).count();
    // top-positive holds 400 of ~2980 unlabelled clips: a uniform sample of 400 shares about 54 (sd
    // 7)
    assertTrue(
        shared > 27 && shared < 81,
        shared + " of the random feed's 400 clips are also top positives");
    for (JsonNode item : random.values()) {
      boolean marked = item.has("alsoIn") && item.get("alsoIn").toString().contains("top-positive");
      assertEquals(top.contains(item.get("key").asText()), marked, item.toString());
    }
  }

  private long exportedYes() throws Exception {
    JsonHttp.Reply ndjson = http.get("/api/labels/" + LABEL + "/export?format=labelbox");
    assertEquals(200, ndjson.status());
    long yes = 0;
    for (String line : ndjson.body().split("\n")) {
      yes += "yes".equals(Json.mapper().readTree(line).get("answer").get("name").asText()) ? 1 : 0;
    }
    return yes;
  }
}

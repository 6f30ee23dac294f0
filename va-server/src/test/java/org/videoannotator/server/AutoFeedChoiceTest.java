package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * The auto feed serves top-positive while the model was trained on fewer "yes" than "no" answers
 * and borderline once they are not (what {@code va bench loop} found pays best); from 50 answers it
 * serves the random feed until the estimates rest on 20 random-feed answers.
 */
class AutoFeedChoiceTest extends ServerTestBase {
  @Test
  void findsPositivesWhileTheyAreTheMinority() throws Exception {
    createLabel("rare");
    List<String> yes = new ArrayList<>();
    List<String> no = new ArrayList<>();
    for (int i = 0; i < corpusSize() && (yes.size() < 3 || no.size() < 12); i++) {
      String key = SyntheticCorpora.key(i);
      boolean concept = SyntheticCorpora.concept(runtime.corpus().clip(key).orElseThrow());
      (concept ? yes : no).add(key);
    }
    labelByTruth("rare", yes.subList(0, 3), Map.of("kind", "other"));
    labelByTruth("rare", no.subList(0, 12), Map.of("kind", "other"));
    assertEquals("done", build("rare").get("status").asText());
    JsonNode auto = http.get("/api/labels/rare/feeds/auto?k=5").json();
    assertEquals("top-positive", auto.get("chosenFeed").asText(), auto.toString());

    // Ten top positives answered "yes": 13 yes against 12 no, so the borderline feed comes next.
    JsonNode top = http.get("/api/labels/rare/feeds/top-positive?k=10").json();
    List<Map<String, Object>> votes = new ArrayList<>();
    for (JsonNode item : top.get("items")) {
      votes.add(
          Map.of(
              "key",
              item.get("key").asText(),
              "value",
              "yes",
              "source",
              Map.of(
                  "kind", "feed", "feed", "top-positive", "buildId", top.get("buildId").asLong())));
    }
    assertEquals(201, http.post("/api/labels/rare/annotations", votes).status());
    JsonNode second = build("rare");
    assertEquals(13, second.get("positives").asInt(), second.toString());
    assertEquals(
        "borderline",
        http.get("/api/labels/rare/feeds/auto?k=5").json().get("chosenFeed").asText());
  }

  @Test
  void checksTheEstimatesWithRandomClipsOnceThereAreEnoughAnswers() throws Exception {
    createLabel("checked");
    List<String> yes = new ArrayList<>();
    List<String> no = new ArrayList<>();
    for (int i = 0; i < corpusSize() && (yes.size() < 25 || no.size() < 25); i++) {
      String key = SyntheticCorpora.key(i);
      boolean concept = SyntheticCorpora.concept(runtime.corpus().clip(key).orElseThrow());
      (concept ? yes : no).add(key);
    }
    labelByTruth("checked", yes.subList(0, 25), Map.of("kind", "other"));
    labelByTruth("checked", no.subList(0, 24), Map.of("kind", "other"));
    assertEquals("done", build("checked").get("status").asText());
    // 49 answers: not yet worth checking.
    assertEquals(
        "borderline",
        http.get("/api/labels/checked/feeds/auto?k=5").json().get("chosenFeed").asText());

    labelByTruth("checked", no.subList(24, 25), Map.of("kind", "other"));
    JsonNode unchecked = build("checked");
    assertEquals(
        0, unchecked.at("/estimates/prevalence/randomLabels").asInt(), unchecked.toString());
    JsonNode auto = http.get("/api/labels/checked/feeds/auto?k=20").json();
    assertEquals("random", auto.get("chosenFeed").asText(), auto.toString());

    // Twenty answers given in the random feed (through auto, as the UI gives them) check them.
    List<String> shown = keys(auto.get("items"), "key");
    assertEquals(20, shown.size());
    assertEquals(
        201,
        labelByTruth(
                "checked",
                shown,
                Map.of("kind", "feed", "feed", "random", "buildId", auto.get("buildId").asLong()))
            .status());
    JsonNode checked = build("checked");
    assertEquals(20, checked.at("/estimates/prevalence/randomLabels").asInt(), checked.toString());
    // Checked: back to finding positives (the random clips were mostly "no") or the borderline.
    String expected =
        checked.get("positives").asInt() < checked.get("negatives").asInt()
            ? "top-positive"
            : "borderline";
    assertEquals(
        expected, http.get("/api/labels/checked/feeds/auto?k=5").json().get("chosenFeed").asText());
  }
}

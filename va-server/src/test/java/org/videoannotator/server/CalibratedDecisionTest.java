package org.videoannotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videoannotator.core.Json;
import org.videoannotator.testkit.JsonHttp;

/**
 * Issue 14 point 1, through the API: after a build on a handful of labels (14 yes / 9 no, as in the
 * demo), the build reports a calibrated decision and says in words that the AP rests on few labels,
 * and the Labelbox export calls about as many clips "yes" as the decision counts, close to the
 * concept's real share, not the whole corpus.
 */
class CalibratedDecisionTest extends ServerTestBase {
  @Test
  void buildsReportADecisionAndExportsUseIt() throws Exception {
    createLabel("concept");
    List<String> keys = conceptKeys(14, 9, clip -> true);
    int truthYes = conceptClips();
    assertEquals(201, labelByTruth("concept", keys, Map.of("kind", "search")).status());
    JsonNode status = build("concept");
    assertEquals("done", status.get("status").asText(), status.toString());
    JsonNode decision = status.get("quality").get("decision");
    double threshold = decision.get("threshold").asDouble();
    assertTrue(threshold > 0 && threshold < 1, decision.toString());
    long yesClips = decision.get("yesClips").asLong();
    assertTrue(yesClips < corpusSize() / 2, "most clips are not the concept: " + decision);
    String warnings = status.get("quality").get("warnings").toString();
    assertTrue(warnings.contains("rests on 14 yes and 9 no"), warnings);

    JsonHttp.Reply ndjson = http.get("/api/labels/concept/export?format=labelbox");
    assertEquals(200, ndjson.status());
    long exportedYes = 0;
    for (String line : ndjson.body().split("\n")) {
      exportedYes +=
          "yes".equals(Json.mapper().readTree(line).get("answer").get("name").asText()) ? 1 : 0;
    }
    assertEquals(yesClips, exportedYes, "the export cuts where the build said it would");
    assertTrue(
        Math.abs(exportedYes - truthYes) < 0.5 * truthYes + 30,
        "exported yes " + exportedYes + " vs the concept's " + truthYes + " of " + corpusSize());
  }
}

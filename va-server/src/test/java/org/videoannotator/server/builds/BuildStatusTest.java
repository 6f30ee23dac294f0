package org.videoannotator.server.builds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.videoannotator.core.Json;
import org.videoannotator.server.store.BuildEstimates;
import org.videoannotator.server.store.Quality;

/** The build document stays one flat object on the wire and in the database, whatever its parts. */
class BuildStatusTest {
  private static final BuildEstimates ESTIMATES =
      new BuildEstimates(
          new BuildEstimates.Prevalence(0.06, List.of(0.03, 0.11), "combined", 40),
          0.06,
          1200,
          0.73,
          new BuildEstimates.ApOnRandom(0.55, List.of(0.31, 0.78), 40),
          new BuildEstimates.AnswerError(
              new BuildEstimates.Rate(0.09, List.of(0.05, 0.14)),
              null,
              230,
              BuildEstimates.AnswerError.FITTED),
          List.of("label 20 clips from the Random feed"));

  @Test
  void isFlatOnTheWireAndReadsBack() throws Exception {
    BuildStatus done =
        BuildStatus.queued("beach", "2026-01-01T00:00:00Z", new BuildStatus.Request(3, 4, 7, 20))
            .withId(12)
            .running("load", 0.05, "2026-01-01T00:00:01Z")
            .withStage(BuildStatus.RUNNING, "train", 0.3, Map.of("load", 5L))
            .done(
                "2026-01-01T00:00:09Z",
                2,
                new Quality(0.8, 0.1, 1.0),
                ESTIMATES,
                0.4,
                Map.of("load", 5L, "train", 9L),
                14);
    JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(done));
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertEquals(
        List.of(
            "id",
            "label",
            "status",
            "stage",
            "progress",
            "created",
            "started",
            "finished",
            "positives",
            "negatives",
            "modelVersion",
            "quality",
            "estimates",
            "diversity",
            "stageMillis",
            "totalMillis",
            "error",
            "seed",
            "feedSize"),
        fields);
    assertEquals("done", json.get("status").asText());
    assertEquals(2, json.get("modelVersion").asInt());
    assertEquals(20, json.get("feedSize").asInt());
    assertEquals("combined", json.get("estimates").get("prevalence").get("method").asText());
    assertEquals(0.03, json.get("estimates").get("prevalence").get("ci").get(0).asDouble());
    assertEquals(40, json.get("estimates").get("apOnRandom").get("n").asInt());
    assertEquals("2026-01-01T00:00:01Z", json.get("started").asText());
    assertEquals(done, Json.mapper().treeToValue(json, BuildStatus.class));

    BuildStatus failed =
        done.stopped(BuildStatus.FAILED, "2026-01-01T00:00:10Z", Map.of(), 15, "disk full");
    assertNull(failed.modelVersion());
    assertEquals("disk full", failed.error());
    assertEquals("done", failed.progress().stage(), "a stop keeps the stage it reached");
    assertEquals(BuildStatus.FAILED, failed.asRow(12, BuildStatus.FAILED).status());
  }
}

package org.videoannotator.bench.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.Json;
import org.videoannotator.datasets.SyntheticVaGenerator;
import picocli.CommandLine;

/**
 * {@code va bench loop --dump-estimates} then {@code va bench estimates}: the replay of every
 * dumped build gives the estimates the server gave in the loop (same prevalence, interval and share
 * called "yes"), so estimator variants replayed on the dumps are judged on the loop's own inputs.
 */
@Tag("slow") // imports a corpus and runs a dozen builds through the server
class EstimatesReplayTest {
  @TempDir Path dir;

  @Test
  void theReplayGivesTheEstimatesTheServerGave() throws Exception {
    Path data = dir.resolve("data");
    new SyntheticVaGenerator(new SyntheticVaGenerator.Config(3, 4000, 32, List.of("action")))
        .generate(data);
    Path dumps = dir.resolve("dumps");
    int code =
        new CommandLine(new LoopCommand())
            .execute(
                "--data", data.toString(),
                "--work", dir.resolve("work").toString(),
                "--budget", "50,100",
                "--seeds", "2",
                "--policies", "default",
                "--dump-estimates", dumps.toString(),
                "--out", dir.resolve("out").toString());
    assertEquals(0, code);
    JsonNode seeds =
        Json.mapper()
            .readTree(dir.resolve("out").resolve("loop.json").toFile())
            .get("labels")
            .get("action")
            .get("policies")
            .get("default")
            .get("seeds");
    List<EstimatesReplayCommand.Replayed> replayed = EstimatesReplayCommand.replay(dumps, 100);
    int compared = 0;
    for (EstimatesReplayCommand.Replayed r : replayed) {
      if (r.labels() != 100) {
        continue;
      }
      JsonNode step = seeds.get((int) r.seed()).get("steps").get(1);
      assertEquals(100, step.get("labels").asInt());
      assertEquals(step.get("estimatedRate").asDouble(), r.result().prevalence().value(), 1e-9);
      assertEquals(step.get("estimatedLow").asDouble(), r.result().prevalence().lo(), 1e-9);
      assertEquals(step.get("estimatedHigh").asDouble(), r.result().prevalence().hi(), 1e-9);
      assertEquals(step.get("shownYesShare").asDouble(), r.yesShare(), 1e-9);
      compared++;
    }
    assertEquals(2, compared, replayed.toString());
    assertTrue(replayed.stream().anyMatch(r -> r.labels() < 100), "each session's first build");
  }
}

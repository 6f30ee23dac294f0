package org.videoannotator.bench.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.Json;
import org.videoannotator.datasets.SyntheticVaGenerator;
import org.videoannotator.datasets.TruthTable;
import picocli.CommandLine;

/**
 * {@code va bench session} on a generated data set: a new user's first build on 14 "yes" and 9 "no"
 * of each label's VA session calls more than none and fewer than three times the true rate plus 5
 * points of the corpus "yes", counted from the model's scores of every clip.
 */
@Tag("slow") // imports a corpus and builds once per label through the server
class SessionCheckCommandTest {
  private static final List<String> LABELS = List.of("action", "interview", "zoom", "day");

  @TempDir Path dir;

  @Test
  void firstBuildOnASessionsAnswersCallsAPlausibleShareYes() throws Exception {
    Path data = dir.resolve("data");
    new SyntheticVaGenerator(new SyntheticVaGenerator.Config(7, 4000, 32, LABELS)).generate(data);
    TruthTable truth = TruthTable.read(data.resolve(TruthTable.FILE));
    Path out = dir.resolve("out");
    int code =
        new CommandLine(new SessionCheckCommand())
            .execute("--data", data.toString(), "--out", out.toString());
    assertEquals(0, code);
    JsonNode session = Json.mapper().readTree(out.resolve("session.json").toFile());
    assertTrue(Files.readString(out.resolve("session.md")).contains("| label | true rate |"));
    int checked = 0;
    for (String label : LABELS) {
      JsonNode l = session.get("labels").get(label);
      double t = truth.rate(truth.labelIndex(label));
      assertEquals(t, l.get("true_rate").asDouble(), 1e-12, label);
      if (l.has("skipped")) {
        continue;
      }
      checked++;
      double share = l.get("yes_share").asDouble();
      assertTrue(share > 0 && share < 3 * t + 0.05, label + ": true " + t + ", called " + share);
      assertEquals(share > 0 && share < 3 * t + 0.05, l.get("passes").asBoolean(), label);
    }
    assertTrue(checked >= 3, "sessions with 14 yes and 9 no: " + checked + "; " + session);
    assertEquals(checked, session.get("summary").get("checked").asInt());
  }
}

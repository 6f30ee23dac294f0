package org.videoannotator.bench.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.Json;
import org.videoannotator.core.cli.CommandFailures;
import picocli.CommandLine;

/**
 * {@code va bench index} run in-process, as the launcher runs it (moved from va-index's
 * CommandsTest).
 */
class BenchIndexCommandTest {
  @TempDir Path tmp;

  record Run(int status, String out, String err) {}

  static Run run(Object command, String... args) {
    CommandLine cl = new CommandLine(command);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    cl.setExecutionExceptionHandler(new CommandFailures("va"));
    int status = cl.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void benchIndexWritesItsFiguresAsJson() throws Exception {
    Path out = tmp.resolve("bench.json");
    Run r =
        run(
            new BenchIndexCommand(),
            "--rows",
            "1500",
            "--dim",
            "16",
            "--clusters",
            "20",
            "--queries",
            "20",
            "--batch",
            "1000",
            "--append",
            "200",
            "--k",
            "5,20",
            "--by-example",
            "30",
            "--text-queries",
            "10",
            "--work",
            tmp.resolve("work").toString(),
            "--out",
            out.toString());
    assertEquals(0, r.status(), r.err());
    JsonNode report = Json.mapper().readTree(Files.readString(out)).get(0);
    assertEquals(1, report.get("builds").size());
    assertEquals(1700, report.get("builds").get(0).get("rows").asInt() + 200);
    // 2 engines x 3 query sets (held-out by example, the clips themselves, text-gap) x 2 k.
    assertEquals(12, report.get("searches").size());
    java.util.Set<String> sets = new java.util.HashSet<>();
    for (JsonNode s : report.get("searches")) {
      sets.add(s.get("queries").asText() + "/" + s.get("engine").asText());
      double recall = s.get("recall").asDouble();
      assertTrue(recall >= s.get("worstRecall").asDouble() && recall <= 1.0, s.toString());
      if (s.get("engine").asText().contains("scan")) {
        assertTrue(recall >= 0.98 && s.get("shareUnderHalf").asDouble() == 0, s.toString());
      }
      if (s.get("count").asInt() == 30) {
        assertEquals(
            1.0, s.get("selfFirst").asDouble(), 1e-9, "every clip first in its own results: " + s);
      }
    }
    assertEquals(
        java.util.Set.of(
            "by-example/int8-scan+exact",
            "by-example/lucene-graph+exact",
            "text-gap/int8-scan+exact",
            "text-gap/lucene-graph+exact"),
        sets);
  }
}

package org.videoannotator.bench.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.Json;
import org.videoannotator.core.vectors.FloatMatrix;
import picocli.CommandLine;

class LearnBenchmarkTest {
  @TempDir Path dir;

  @Test
  void matrixIsSeededUnitNormAndIndependentOfThreads() {
    FloatMatrix a = LearnBenchmark.clusteredMatrix(500, 16, 3, 7, 1);
    FloatMatrix b = LearnBenchmark.clusteredMatrix(500, 16, 3, 7, 2);
    for (int r = 0; r < 500; r += 37) {
      assertTrue(java.util.Arrays.equals(a.row(r), b.row(r)));
      double norm = 0;
      for (float v : a.row(r)) {
        norm += v * v;
      }
      assertEquals(1.0, norm, 1e-5);
    }
  }

  @Test
  void commandPrintsAndWritesTheFigures() throws Exception {
    Path out = dir.resolve("bench.json");
    int exit =
        new CommandLine(new BenchLearnCommand())
            .execute(
                "--rows",
                "4000",
                "--dim",
                "32",
                "--labelled",
                "200",
                "--repeats",
                "1",
                "--feed-size",
                "10",
                "--out",
                out.toString());
    assertEquals(0, exit);
    JsonNode report = Json.mapper().readTree(out.toFile());
    assertEquals(5, report.get("timings").size());
    assertTrue(report.get("scoreToStreamRatio").asDouble() > 0);
    assertTrue(report.get("cvMeanAp").asDouble() > 0.5, report.toString());
    assertEquals(2, new CommandLine(new BenchLearnCommand()).execute("--rows", "x"));
    assertEquals(
        1,
        new CommandLine(new BenchLearnCommand())
            .setExecutionExceptionHandler((e, cmd, parsed) -> 1)
            .execute("--rows", "100", "--labelled", "1000"));
  }
}

package org.videoannotator.index.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;
import org.videoannotator.index.Clip;
import org.videoannotator.index.ClipVector;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.EmbedderInfo;
import picocli.CommandLine;

/** The commands run in-process, as the launcher runs them. */
class CommandsTest {
  @TempDir Path tmp;

  record Run(int status, String out, String err) {}

  static Run run(Object command, String... args) {
    CommandLine cl = new CommandLine(command);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    // As the va launcher does: a UserException is one line and status 1.
    cl.setExecutionExceptionHandler((e, c, parsed) -> {
      if (!(e instanceof UserException)) {
        throw e;
      }
      c.getErr().println("va: " + e.getMessage());
      return 1;
    });
    int status = cl.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  private Path corpus() {
    Path dir = tmp.resolve("c");
    try (Corpus c = Corpus.open(dir, CorpusOptions.create(EmbedderInfo.of("descriptor", "1"), 2))) {
      c.append(List.of(
          new ClipVector(new Clip("a", "v1", "", "", 0, 1, 0, 23, 24, 0, "red car chase", Map.of()), new float[] {1, 0}),
          new ClipVector(new Clip("b", "v1", "", "", 1, 2, 24, 47, 24, 0, "blue sky", Map.of()), new float[] {0.8f, 0.6f}),
          new ClipVector(new Clip("c", "v2", "", "", 0, 1, 0, 23, 24, 1, "cars parked", Map.of()), new float[] {0, 1})));
    }
    return dir;
  }

  @Test
  void searchLikePrintsJsonWithKeyScoreAndMetadata() throws Exception {
    Run r = run(new SearchCommand(), "--corpus", corpus().toString(), "--like", "a", "--k", "2", "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode hits = Json.mapper().readTree(r.out());
    assertEquals(2, hits.size());
    assertEquals("a", hits.get(0).get("key").asText());
    assertEquals(1.0, hits.get(0).get("score").asDouble(), 1e-6);
    assertEquals("b", hits.get(1).get("key").asText());
    assertEquals(0.8, hits.get(1).get("score").asDouble(), 1e-6);
    assertEquals("v1", hits.get(1).get("video").asText());
    assertEquals(24, hits.get(1).get("frameIn").asInt());
  }

  @Test
  void searchWordsWithVideoFilterPrintsATable() {
    Run r = run(new SearchCommand(), "--corpus", corpus().toString(), "--words", "car", "--video", "v2");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("cars parked") && !r.out().contains("red car chase"), r.out());
    assertTrue(r.out().contains("1 hit(s), words search"), r.out());
  }

  @Test
  void textSearchUsesTheRegisteredEncoderOfTheCorpusEmbedder() throws Exception {
    Path dir = tmp.resolve("axis");
    try (Corpus c = Corpus.open(dir, CorpusOptions.create(AxisTextEncoderProvider.AXIS, 2))) {
      c.append(List.of(
          new ClipVector(Clip.of("e", "v"), new float[] {1, 0.1f}),
          new ClipVector(Clip.of("n", "v"), new float[] {0.1f, 1})));
    }
    Run r = run(new SearchCommand(), "--corpus", dir.toString(), "--text", "looking north", "--k", "1", "--json");
    assertEquals(0, r.status(), r.err());
    assertEquals("n", Json.mapper().readTree(r.out()).get(0).get("key").asText());
  }

  @Test
  void textSearchWithoutEncoderSaysWhichModelToConfigure() {
    Path dir = corpus();
    Run r = run(new SearchCommand(), "--corpus", dir.toString(), "--text", "a car");
    assertEquals(1, r.status());
    assertTrue(r.err().contains("embedded with 'descriptor'") && r.err().contains("--words")
        && r.err().contains("--embedder clip --model DIR") && !r.err().contains("--query"), r.err());
    try (Corpus c = Corpus.open(dir, CorpusOptions.existing())) {
      c.putNamedQueries(Map.of("car", new float[] {1, 0}));
    }
    Run hinted = run(new SearchCommand(), "--corpus", dir.toString(), "--text", "a car");
    assertTrue(hinted.err().contains("--query NAME (1 here, e.g. 'car')"), hinted.err());
  }

  @Test
  void usageErrorsExitWith2() {
    Path dir = corpus();
    assertEquals(2, run(new SearchCommand(), "--corpus", dir.toString()).status());
    assertEquals(2, run(new SearchCommand(), "--corpus", dir.toString(), "--like", "a", "--query", "x").status());
    Run missing = run(new SearchCommand(), "--corpus", tmp.resolve("none").toString(), "--like", "a");
    assertEquals(1, missing.status());
    assertTrue(missing.err().contains("is not a corpus"), missing.err());
  }

  @Test
  void benchIndexWritesItsFiguresAsJson() throws Exception {
    Path out = tmp.resolve("bench.json");
    Run r = run(new BenchIndexCommand(), "--rows", "1500", "--dim", "16", "--clusters", "20",
        "--queries", "20", "--batch", "1000", "--append", "200", "--k", "5,20", "--by-example", "30",
        "--text-queries", "10", "--work", tmp.resolve("work").toString(), "--out", out.toString());
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
        assertEquals(1.0, s.get("selfFirst").asDouble(), 1e-9, "every clip first in its own results: " + s);
      }
    }
    assertEquals(java.util.Set.of("by-example/int8-scan+exact", "by-example/lucene-graph+exact",
        "text-gap/int8-scan+exact", "text-gap/lucene-graph+exact"), sets);
  }
}

package org.videoannotator.index.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
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
    cl.setExecutionExceptionHandler(
        (e, c, parsed) -> {
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
      c.append(
          List.of(
              new ClipVector(
                  new Clip("a", "v1", "", "", 0, 1, 0, 23, 24, 0, "red car chase", Map.of()),
                  new float[] {1, 0}),
              new ClipVector(
                  new Clip("b", "v1", "", "", 1, 2, 24, 47, 24, 0, "blue sky", Map.of()),
                  new float[] {0.8f, 0.6f}),
              new ClipVector(
                  new Clip("c", "v2", "", "", 0, 1, 0, 23, 24, 1, "cars parked", Map.of()),
                  new float[] {0, 1})));
    }
    return dir;
  }

  @Test
  void searchLikePrintsJsonWithKeyScoreAndMetadata() throws Exception {
    Run r =
        run(
            new SearchCommand(),
            "--corpus",
            corpus().toString(),
            "--like",
            "a",
            "--k",
            "2",
            "--json");
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
    Run r =
        run(
            new SearchCommand(),
            "--corpus",
            corpus().toString(),
            "--words",
            "car",
            "--video",
            "v2");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("cars parked") && !r.out().contains("red car chase"), r.out());
    assertTrue(r.out().contains("1 hit(s), words search"), r.out());
  }

  @Test
  void textSearchUsesTheRegisteredEncoderOfTheCorpusEmbedder() throws Exception {
    Path dir = tmp.resolve("axis");
    try (Corpus c = Corpus.open(dir, CorpusOptions.create(AxisTextEncoderProvider.AXIS, 2))) {
      c.append(
          List.of(
              new ClipVector(Clip.of("e", "v"), new float[] {1, 0.1f}),
              new ClipVector(Clip.of("n", "v"), new float[] {0.1f, 1})));
    }
    Run r =
        run(
            new SearchCommand(),
            "--corpus",
            dir.toString(),
            "--text",
            "looking north",
            "--k",
            "1",
            "--json");
    assertEquals(0, r.status(), r.err());
    assertEquals("n", Json.mapper().readTree(r.out()).get(0).get("key").asText());
  }

  @Test
  void textSearchWithoutEncoderSaysWhichModelToConfigure() {
    Path dir = corpus();
    Run r = run(new SearchCommand(), "--corpus", dir.toString(), "--text", "a car");
    assertEquals(1, r.status());
    assertTrue(
        r.err().contains("embedded with 'descriptor'")
            && r.err().contains("--words")
            && r.err().contains("--embedder clip --model DIR")
            && !r.err().contains("--query"),
        r.err());
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
    assertEquals(
        2,
        run(new SearchCommand(), "--corpus", dir.toString(), "--like", "a", "--query", "x")
            .status());
    Run missing =
        run(new SearchCommand(), "--corpus", tmp.resolve("none").toString(), "--like", "a");
    assertEquals(1, missing.status());
    assertTrue(missing.err().contains("is not a corpus"), missing.err());
  }
}

package org.videoannotator.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.UserException;
import org.videoannotator.experiments.ResultFiles;
import org.videoannotator.experiments.declared.Declaration;
import org.videoannotator.experiments.declared.GeneratedData;
import picocli.CommandLine;

/** The replay commands on a small generated data set: output shape, determinism, errors. */
class ReplayCommandsTest {
  @TempDir static Path dir;
  static Path data;

  @BeforeAll
  static void generate() {
    data =
        GeneratedData.ensure(
            new Declaration.GeneratorSpec(3, 1200, 12, List.of("action", "pan")),
            dir.resolve("data"));
  }

  private static int run(String... args) {
    return runCapturingErrors(new ByteArrayOutputStream(), args);
  }

  private static int runCapturingErrors(ByteArrayOutputStream err, String... args) {
    CommandLine cmd = new CommandLine(new ReplayCommand());
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  /** {@code replay exp1} at n = 25 and 100 on the generated set, then {@code extra}. */
  private static int exp1(Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("exp1", "--data", data.toString(), "--ns", "25,100", "--out", out.toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  private static Set<String> fields(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void exp1HasTheIssueShapeAndIsTheSameWhateverTheThreadCount() throws Exception {
    Path one = dir.resolve("one.json");
    Path two = dir.resolve("two.json");
    assertEquals(
        0,
        run(
            "exp1",
            "--data",
            data.toString(),
            "--ns",
            "25,100",
            "--threads",
            "1",
            "--out",
            one.toString()));
    assertEquals(
        0,
        run(
            "exp1",
            "--data",
            data.toString(),
            "--ns",
            "25,100",
            "--threads",
            "2",
            "--out",
            two.toString()));
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
    JsonNode root = ResultFiles.read(one);
    assertEquals(Set.of("settings", "labels", "failed"), fields(root));
    JsonNode action = root.path("labels").path("action");
    assertEquals(
        Set.of("baseline", "zero_shot", "cmp", "checkpoints", "va_at_n", "failed"), fields(action));
    assertEquals(Set.of("mean"), fields(action.path("baseline")));
    assertEquals(Set.of("mean", "std", "values"), fields(action.path("zero_shot")));
    assertEquals(5, action.path("zero_shot").path("values").size());
    JsonNode cell = action.path("cmp").path("100|zero-shot");
    assertEquals(Set.of("n_train", "mean", "std", "values"), fields(cell));
    assertEquals(
        Set.of("n_train", "mean", "std", "values"), fields(action.path("checkpoints").get(0)));
    // every absent cell is listed as failed, with a reason; every label is replayed or failed
    assertEquals(2, root.path("labels").size() + root.path("failed").size());
    root.path("labels")
        .forEach(
            label -> {
              List<String> cells = new ArrayList<>();
              label.path("cmp").fieldNames().forEachRemaining(cells::add);
              label
                  .path("failed")
                  .forEach(
                      f -> {
                        cells.add(f.path("cell").asText());
                        assertTrue(!f.path("reason").asText().isEmpty());
                      });
              for (String n : List.of("25", "100")) {
                for (String m : List.of("random", "zero-shot-50-random-50", "zero-shot")) {
                  assertTrue(
                      cells.contains(n + "|" + m), n + "|" + m + " neither present nor failed");
                }
              }
            });
  }

  @Test
  void bothPrecisionsGiveTheSameCellsAndAnUnknownOneIsRefused() throws Exception {
    Path fast = dir.resolve("fast.json");
    Path reference = dir.resolve("reference.json");
    assertEquals(0, exp1(fast));
    assertEquals(0, exp1(reference, "--precision", "REFERENCE"));
    JsonNode a = ResultFiles.read(fast).path("labels");
    JsonNode b = ResultFiles.read(reference).path("labels");
    int cells = 0;
    for (String label : List.of("action", "pan")) {
      for (var it = a.path(label).path("cmp").fields(); it.hasNext(); cells++) {
        var cell = it.next();
        JsonNode other = b.path(label).path("cmp").path(cell.getKey());
        assertEquals(other.path("n_train").asInt(), cell.getValue().path("n_train").asInt());
        assertEquals(
            other.path("mean").asDouble(),
            cell.getValue().path("mean").asDouble(),
            0.005,
            label + " " + cell.getKey());
      }
    }
    assertTrue(cells > 0, "no cell to compare");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(
        2,
        runCapturingErrors(
            err,
            "exp1",
            "--data",
            data.toString(),
            "--precision",
            "HALF",
            "--out",
            dir.resolve("half.json").toString()));
    assertTrue(err.toString().contains("REFERENCE"), err.toString());
  }

  @Test
  void compareAcceptsIdenticalResultsAndRejectsAMovedFigure() throws Exception {
    Path a = dir.resolve("cmp-a.json");
    assertEquals(0, run("exp1", "--data", data.toString(), "--ns", "50", "--out", a.toString()));
    assertEquals(0, run("compare", "--expected", a.toString(), "--actual", a.toString()));
    com.fasterxml.jackson.databind.node.ObjectNode moved =
        (com.fasterxml.jackson.databind.node.ObjectNode) ResultFiles.read(a);
    JsonNode label = moved.path("labels").elements().next();
    ((com.fasterxml.jackson.databind.node.ObjectNode) label.path("baseline")).put("mean", 0.5);
    Path b = dir.resolve("cmp-b.json");
    ResultFiles.write(b, moved);
    assertEquals(1, run("compare", "--expected", a.toString(), "--actual", b.toString()));
  }

  @Test
  void splitsAreSortedValidationKeysOfEachLabel() {
    Path out = dir.resolve("splits.json");
    assertEquals(0, run("splits", "--data", data.toString(), "--out", out.toString()));
    JsonNode splits = ResultFiles.read(out);
    assertEquals(Set.of("action", "pan"), fields(splits));
    List<String> keys = new ArrayList<>();
    splits.path("action").forEach(k -> keys.add(k.asText()));
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(org.videoannotator.learn.LabelledSet::compareCodePoints);
    assertEquals(sorted, keys);
    assertTrue(keys.stream().allMatch(org.videoannotator.learn.ValidationSplit::isValidation));
  }

  @Test
  void exp2WritesChoicesAndApPerStep() {
    Path out = dir.resolve("rr.json");
    assertEquals(
        0,
        run(
            "exp2",
            "--data",
            data.toString(),
            "--labels",
            "action",
            "--process",
            "rr",
            "--steps",
            "4",
            "--batch",
            "20",
            "--out",
            out.toString()));
    JsonNode action = ResultFiles.read(out).path("labels").path("action");
    List<String> choices = new ArrayList<>();
    action.path("choice_history").forEach(c -> choices.add(c.asText()));
    assertEquals(List.of("agg", "zero_shot", "random", "agg"), choices);
    assertEquals(4, action.path("steps").size());
    assertEquals(80, action.path("steps").get(3).path("n_train").asInt());
    assertEquals("round-robin", ResultFiles.read(out).path("settings").path("process").asText());
  }

  @Test
  void anUnknownLabelIsAUserErrorNamingIt() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        runCapturingErrors(
            err,
            "exp1",
            "--data",
            data.toString(),
            "--labels",
            "nope",
            "--out",
            dir.resolve("x.json").toString());
    assertEquals(1, code);
    String message = err.toString();
    assertTrue(
        message.contains(UserException.class.getName())
            && message.contains("label 'nope' has no agg file")
            && message.contains("action"),
        message);
    assertTrue(!Files.exists(dir.resolve("x.json")), "nothing is written on error");
  }

  @Test
  void anUnknownProcessIsAUserError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        runCapturingErrors(
            err,
            "exp2",
            "--data",
            data.toString(),
            "--process",
            "thompson",
            "--out",
            dir.resolve("y.json").toString());
    assertEquals(1, code);
    assertTrue(err.toString().contains("unknown process 'thompson'"), err.toString());
  }
}

package org.videoannotator.experiments.declared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.DoubleNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.experiments.cli.ReplayCommand;
import picocli.CommandLine;

/**
 * Runs the shipped tiny declaration end to end: the Java generator makes the data set, the Java
 * replay runs Experiment 1, and every figure Netflix's reference package produced on the same data
 * must match (baseline and zero-shot bootstrap 0 to 1e-9, zero-shot mean to 0.005, trained cells to
 * 0.02, sizes and failed cells exactly). Experiment 2: every decision process's choice history.
 */
class ShippedDeclarationTest {
  @TempDir static Path work;
  static Verifier.Outcome outcome;

  @BeforeAll
  static void verifyTiny() {
    Declaration d = Declarations.load("synthetic-tiny");
    outcome = new Verifier(work, 2).verify(d, null);
  }

  @Test
  void theGeneratorStillMakesTheDeclaredData() {
    assertEquals(null, outcome.dataProblem());
  }

  @Test
  void everyFigureOfTheReferenceIsReproduced() {
    List<String> failures = new ArrayList<>();
    for (FigureCheck c : outcome.checks()) {
      if (!c.ok()) {
        failures.add(c.expected().figure() + ": " + c.detail());
      }
    }
    assertTrue(outcome.checks().size() > 100, "the declaration checks many figures");
    assertEquals(List.of(), failures);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "synthetic-tiny-exp2-rr",
        "synthetic-tiny-exp2-ucb",
        "synthetic-tiny-exp2-rr-class-defaults",
        "synthetic-tiny-exp2-random-class-defaults",
        "synthetic-tiny-exp2-greedy-oracle-class-defaults",
        "synthetic-tiny-exp2-eps-greedy-mean-class-defaults",
        "synthetic-tiny-exp2-ucb-mean-class-defaults",
        "synthetic-tiny-exp2-exp3-mean-class-defaults",
        "near-tie-5k-exp2-rr",
        "near-tie-5k-exp2-random",
        "near-tie-5k-exp2-greedy-oracle",
        "near-tie-5k-exp2-eps-greedy-mean",
        "near-tie-5k-exp2-ucb-mean",
        "near-tie-5k-exp2-exp3-mean",
        "near-tie-s3-exp2-rr",
        "near-tie-s3-exp2-random",
        "near-tie-s3-exp2-greedy-oracle",
        "near-tie-s3-exp2-eps-greedy-mean",
        "near-tie-s3-exp2-ucb-mean",
        "near-tie-s3-exp2-exp3-mean",
        "near-tie-s4-exp2-rr",
        "near-tie-s4-exp2-random",
        "near-tie-s4-exp2-greedy-oracle",
        "near-tie-s4-exp2-eps-greedy-mean",
        "near-tie-s4-exp2-ucb-mean",
        "near-tie-s4-exp2-exp3-mean"
      })
  void experimentTwoReproducesTheReferenceChoiceHistories(String name) {
    Verifier.Outcome exp2 = new Verifier(work, 2).verify(Declarations.load(name), null);
    List<String> failures = new ArrayList<>();
    for (FigureCheck c : exp2.checks()) {
      if (!c.ok()) {
        failures.add(c.expected().figure() + ": " + c.detail());
      }
    }
    assertEquals(null, exp2.dataProblem());
    assertTrue(
        exp2.checks().stream().anyMatch(c -> c.expected().figure().endsWith("/choice_history")));
    assertEquals(List.of(), failures);
  }

  @Test
  void cellsThatCannotBeTrainedAreDeclaredAbsentAndAre() {
    long absent = outcome.checks().stream().filter(c -> c.expected().value().isNull()).count();
    assertTrue(absent > 0, "the tiny set has cells without positives");
    assertTrue(
        outcome.checks().stream()
            .filter(c -> c.expected().value().isNull())
            .allMatch(FigureCheck::ok));
  }

  @Test
  void aWrongExpectedFigureFails() {
    Declaration.ExpectedFigure wrong =
        new Declaration.ExpectedFigure(
            "labels/action/zero_shot/mean", DoubleNode.valueOf(0.123), 1e-9, null);
    FigureCheck check = FigureCheck.of(wrong, resultOf(outcome));
    assertFalse(check.ok());
    assertTrue(check.detail().contains("expected 0.123000"), check.detail());
  }

  @Test
  void verifyCommandPrintsOkPerFigureAndExitsZero() throws Exception {
    Run run = replay("verify", "synthetic-tiny", "--work", work.toString(), "--threads", "2");
    String printed = run.printed();
    assertEquals(0, run.code(), printed);
    assertTrue(printed.contains("OK   labels/alcohol/zero_shot/mean"), printed);
    assertTrue(printed.lines().noneMatch(l -> l.startsWith("FAIL")), printed);
  }

  @Test
  void verifyCommandExitsOneOnFail() throws Exception {
    Path yaml = work.resolve("broken.yaml");
    String text =
        new String(
            Declarations.class
                .getClassLoader()
                .getResourceAsStream("replays/synthetic-tiny.yaml")
                .readAllBytes(),
            "UTF-8");
    // Move one exact figure far away: verify must report it and fail.
    text =
        text.replaceFirst("(figure: labels/action/baseline/mean\\n  value: )[0-9.e-]+", "$10.999");
    Files.writeString(yaml, text.replace("name: synthetic-tiny", "name: broken"));
    Files.createDirectories(work.resolve("broken-data"));
    copyTree(work.resolve("synthetic-tiny-data"), work.resolve("broken-data"));
    Run run = replay("verify", yaml.toString(), "--work", work.toString(), "--threads", "2");
    String printed = run.printed();
    assertEquals(1, run.code(), printed);
    assertTrue(printed.contains("FAIL labels/action/baseline/mean"), printed);
  }

  private record Run(int code, String printed) {}

  /** Runs {@code va replay ARGS} in-process and captures what it prints. */
  private static Run replay(String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream old = System.out;
    try {
      System.setOut(new PrintStream(bytes, true, "UTF-8"));
      int code = new CommandLine(new ReplayCommand()).execute(args);
      return new Run(code, bytes.toString("UTF-8"));
    } finally {
      System.setOut(old);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode resultOf(Verifier.Outcome o) {
    for (FigureCheck c : o.checks()) {
      if (c.expected().figure().equals("labels/action/zero_shot/mean")) {
        com.fasterxml.jackson.databind.node.ObjectNode root =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        root.putObject("labels").putObject("action").putObject("zero_shot").set("mean", c.actual());
        return root;
      }
    }
    throw new AssertionError("no zero-shot figure for action");
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}

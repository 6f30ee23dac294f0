package org.videoannotator.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.videoannotator.experiments.Exp1Comparison;
import org.videoannotator.experiments.ResultFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code va replay compare}: two Experiment 1 results, figure by figure. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Compare two Experiment 1 result files (e.g. the Python protocol's and ours): baseline and "
            + "zero-shot differences, trained-cell differences (max, median, over 0.02), size mismatches, "
            + "cells on one side only. Exit 1 if a target is missed.")
final class CompareCommand implements Callable<Integer> {
  @Option(names = "--expected", required = true, description = "Reference result (exp1 JSON).")
  Path expected;

  @Option(names = "--actual", required = true, description = "Result to check (exp1 JSON).")
  Path actual;

  @Override
  public Integer call() {
    JsonNode want = ResultFiles.read(expected);
    JsonNode got = ResultFiles.read(actual);
    Exp1Comparison c = Exp1Comparison.of(want, got);
    c.describe().forEach(System.out::println);
    // The agreement targets with the reference: exact where no training is involved (zero-shot
    // bootstraps 1-4 may break ties between copies of a shot differently), close for LR cells.
    boolean ok =
        c.kind("baseline").max() <= 1e-9
            && c.kind("zero-shot bootstrap 0").max() <= 1e-9
            && c.kind("zero-shot mean").max() <= Exp1Comparison.CLOSE
            && c.kind("LR cells").median() <= 0.001
            && c.kind("LR cells").max() <= 0.05
            && c.sizeMismatches() == 0
            && c.onOneSideOnly().isEmpty();
    System.out.println(ok ? "OK: every target met" : "FAIL: a target is missed (see above)");
    return ok ? 0 : 1;
  }
}

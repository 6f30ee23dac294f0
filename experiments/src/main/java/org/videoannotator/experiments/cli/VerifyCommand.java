package org.videoannotator.experiments.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Settings;
import org.videoannotator.core.UserException;
import org.videoannotator.experiments.declared.Declaration;
import org.videoannotator.experiments.declared.Declarations;
import org.videoannotator.experiments.declared.FigureCheck;
import org.videoannotator.experiments.declared.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code va replay verify}: runs a declared replay and checks its expected figures. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description =
        "Run a declared replay (YAML file or shipped name) and print OK / FAIL per expected figure; exit 1 on FAIL.")
final class VerifyCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(VerifyCommand.class);

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE.yaml|NAME",
      description = "Declaration file or shipped name.")
  String declaration;

  @Option(names = "--list", description = "List the shipped declarations and exit.")
  boolean list;

  @Option(
      names = "--dry-run",
      description = "Show what would run and which figures are checked, run nothing.")
  boolean dryRun;

  @Option(
      names = "--work",
      description = "Folder for generated data sets (default: a folder under the system temp dir).")
  Path work;

  @Option(names = "--threads", description = "Worker threads (default: all cores).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    if (list) {
      for (String name : Declarations.shipped()) {
        Declaration d = Declarations.load(name);
        out.printf(
            "%-28s %s, %d figures: %s%n",
            name, d.experiment(), d.expected().size(), d.description());
      }
      return 0;
    }
    if (declaration == null) {
      throw new UserException(
          "replay verify: give a declaration FILE.yaml or a shipped name (see --list)");
    }
    Declaration d = Declarations.load(declaration);
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    Path workDir =
        work != null ? work : Path.of(System.getProperty("java.io.tmpdir"), "va-replays");
    Verifier verifier = new Verifier(workDir, workers);
    Path data = verifier.dataFolder(d, Declarations.baseOf(declaration));
    Settings.log(
        LOG,
        "replay verify",
        "declaration",
        declaration,
        "data",
        data,
        "threads",
        workers,
        "dryRun",
        dryRun);
    out.printf(
        "%s: %s on %s%s%n",
        d.name(),
        d.experiment(),
        data,
        d.data().generate() != null ? " (generated: " + d.data().generate() + ")" : "");
    out.println("settings: " + d.settings());
    if (dryRun) {
      for (Declaration.ExpectedFigure f : d.expected()) {
        out.printf(
            "would check %s = %s (tolerance %s)%s%n",
            f.figure(),
            f.value(),
            f.tolerance() == null ? 0 : f.tolerance(),
            f.note() == null ? "" : " [" + f.note() + "]");
      }
      return 0;
    }
    if (work != null) {
      Files.createDirectories(work);
    }
    Verifier.Outcome outcome = verifier.verify(d, Declarations.baseOf(declaration));
    out.printf(
        "%-4s data: %s%n",
        outcome.dataProblem() == null ? "OK" : "FAIL",
        outcome.dataProblem() == null
            ? (d.data().fingerprint() == null ? "no fingerprint declared" : "fingerprint matches")
            : outcome.dataProblem());
    for (FigureCheck c : outcome.checks()) {
      out.printf("%-4s %s: %s%n", c.ok() ? "OK" : "FAIL", c.expected().figure(), c.detail());
    }
    long failedFigures = outcome.checks().stream().filter(c -> !c.ok()).count();
    out.printf(
        "%s: %d OK, %d FAIL in %.1f s%n",
        d.name(), outcome.checks().size() - failedFigures, outcome.failures(), outcome.seconds());
    return outcome.failures() == 0 ? 0 : 1;
  }
}

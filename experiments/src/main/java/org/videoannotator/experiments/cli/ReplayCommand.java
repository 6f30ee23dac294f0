package org.videoannotator.experiments.cli;

import java.util.concurrent.Callable;
import org.videoannotator.core.VaSubcommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code va replay}: the paper's experiments on a data set in the released layout. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Replay the paper's experiments (splits, Experiment 1 and 2), report and verify them.",
    subcommands = {
      SplitsCommand.class,
      Exp1Command.class,
      Exp2Command.class,
      ReportCommand.class,
      VerifyCommand.class,
      CompareCommand.class
    })
public final class ReplayCommand implements VaSubcommand, Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return 2;
  }
}

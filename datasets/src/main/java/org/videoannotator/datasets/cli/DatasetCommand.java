package org.videoannotator.datasets.cli;

import java.util.concurrent.Callable;
import org.videoannotator.core.VaSubcommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code va dataset}: the commands on data sets in the released Video Annotator layout. */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    description = "Inspect or generate data sets in the released Video Annotator layout.",
    subcommands = {InfoCommand.class, GenerateCommand.class})
public final class DatasetCommand implements VaSubcommand, Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return 2;
  }
}

package org.videoannotator.spark.cli;

import java.util.concurrent.Callable;
import org.videoannotator.core.cli.CommandFailures;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code va spark ...}: the jobs that run on Apache Spark. A launcher of its own, so Spark's class
 * path (its Jackson, logging, servlet and Jersey) never meets the server's; {@code bin/va} starts
 * it for {@code va spark} and {@code va bench spark}, and it is the main class of the job jar that
 * {@code spark-submit} runs on a cluster.
 */
@Command(
    name = "va spark",
    mixinStandardHelpOptions = true,
    description =
        "Jobs on Apache Spark: the same work as the single-machine commands, spread over a cluster.",
    subcommands = {
      CommandLine.HelpCommand.class,
      IngestCommand.class,
      ToParquetCommand.class,
      FromParquetCommand.class,
      ConvertCommand.class,
      ScoreCommand.class,
      BenchCommand.class
    })
public final class VaSpark implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return 2;
  }

  public static CommandLine commandLine() {
    CommandLine root = new CommandLine(new VaSpark());
    root.setExecutionExceptionHandler(new CommandFailures("va spark"));
    return root;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}

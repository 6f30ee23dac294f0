package org.videoannotator.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.videoannotator.core.VaSubcommand;
import org.videoannotator.core.cli.CommandFailures;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code va} launcher. Subcommands come from every module through {@link ServiceLoader} ({@link
 * VaSubcommand}); groups such as {@code bench} are made here when a module asks for one. Exit
 * status: 0 success, 1 failure, 2 usage error.
 */
@Command(
    name = "va",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Video Annotator for the JVM: build video classifiers from a few labelled clips.",
    footer = {
      "",
      "Jobs on Apache Spark (ingest, Parquet, corpus-scale scoring) run from their own class path:",
      "  va spark --help          va bench spark --help",
      "Benchmarks are not in va.jar: bin/va adds va-bench.jar for 'va bench --help'."
    },
    subcommands = {CommandLine.HelpCommand.class})
public final class Va implements Callable<Integer> {
  private static final Map<String, String> GROUP_DESCRIPTIONS =
      Map.of(
          "bench",
          "Benchmarks: print figures and ratios against a baseline measured in the same run.");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return 2;
  }

  /** Builds the full command tree; tests use it to run commands in-process. */
  public static CommandLine commandLine() {
    List<VaSubcommand> all = new ArrayList<>();
    ServiceLoader.load(VaSubcommand.class).forEach(all::add);
    return commandLine(all);
  }

  /**
   * The tree for {@code args}: when they name a command ({@code va replay ...}, {@code va bench
   * replay ...}), a root holding that command alone, else the full tree. picocli builds a command's
   * model by reflection over its classes: doing so for every module's commands cost about 0.6 s of
   * CPU before a replay's first line, for commands the run never touches.
   */
  static CommandLine commandLineFor(String... args) {
    return addressed(args).map(Va::commandLine).orElseGet(Va::commandLine);
  }

  /**
   * The one subcommand {@code args} address by name (its group first for a grouped one); empty when
   * they name none, or name a group or option only. Only that provider is instantiated.
   */
  static Optional<List<VaSubcommand>> addressed(String... args) {
    if (args.length == 0) {
      return Optional.empty();
    }
    for (ServiceLoader.Provider<VaSubcommand> provider :
        ServiceLoader.load(VaSubcommand.class).stream().toList()) {
      Command command = provider.type().getAnnotation(Command.class);
      if (command == null) {
        continue;
      }
      String name = command.name();
      boolean topLevel = name.equals(args[0]);
      boolean grouped = args.length > 1 && name.equals(args[1]);
      if (topLevel || grouped) {
        VaSubcommand sub = provider.get();
        if (topLevel && sub.group().isEmpty() || grouped && sub.group().equals(args[0])) {
          return Optional.of(List.of(sub));
        }
      }
    }
    return Optional.empty();
  }

  private static CommandLine commandLine(List<VaSubcommand> subcommands) {
    CommandLine root = new CommandLine(new Va());
    Map<String, CommandLine> groups = new LinkedHashMap<>();
    for (VaSubcommand sub : subcommands) {
      CommandLine target = root;
      if (!sub.group().isEmpty()) {
        target =
            groups.computeIfAbsent(
                sub.group(),
                g -> {
                  CommandLine group = new CommandLine(new Group());
                  group.getCommandSpec().name(g);
                  group
                      .getCommandSpec()
                      .usageMessage()
                      .description(GROUP_DESCRIPTIONS.getOrDefault(g, "The '" + g + "' commands."));
                  root.addSubcommand(g, group);
                  return group;
                });
      }
      target.addSubcommand(sub);
    }
    root.setExecutionExceptionHandler(new CommandFailures("va"));
    root.setExecutionStrategy(Va::refuseUnknownThenRun);
    return root;
  }

  /**
   * picocli answers {@code --help} even after an unknown word ({@code va NOSUCH --help} printed the
   * top-level help and exited 0); an unknown command or argument is a usage error wherever it is.
   */
  private static int refuseUnknownThenRun(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (!level.unmatched().isEmpty()) {
        throw new CommandLine.UnmatchedArgumentException(
            level.commandSpec().commandLine(), level.unmatched());
      }
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  public static void main(String[] args) {
    System.exit(commandLineFor(args).execute(args));
  }

  /** A command group without its own action: prints its usage. */
  @Command(mixinStandardHelpOptions = true)
  static final class Group implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().usage(System.err);
      return 2;
    }
  }
}

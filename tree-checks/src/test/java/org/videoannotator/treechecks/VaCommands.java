package org.videoannotator.treechecks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.videoannotator.cli.Va;
import org.videoannotator.spark.cli.VaSpark;
import picocli.CommandLine;

/**
 * The {@code va} command tree as {@code bin/va} runs it (va.jar with va-bench.jar; {@code va spark}
 * and {@code va bench spark} from va-spark's launcher), and the check of a command line a document
 * shows: every command word and every option must exist.
 */
final class VaCommands {
  private final CommandLine va = Va.commandLine();
  private final CommandLine spark = VaSpark.commandLine();

  /**
   * Checks the words after {@code va}; empty when they name real commands and options, else what is
   * wrong. Command words are followed while the current command has subcommands; a word with {@code
   * |} names alternatives (each must exist); after the first option or argument only options are
   * checked. Placeholders ({@code FILE}, {@code [--k N]}, {@code <dir>}) are arguments.
   */
  Optional<String> check(List<String> words) {
    CommandLine current = va;
    String path = "va";
    boolean descending = true;
    for (String raw : words) {
      String word = strip(raw);
      if (word.isEmpty()) {
        continue;
      }
      if (word.startsWith("-")) {
        descending = false;
        String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        if (!option.matches("--?[A-Za-z][A-Za-z0-9-]*")) {
          continue;
        }
        if (!current.getCommandSpec().optionsMap().containsKey(option)) {
          return Optional.of(path + " has no option " + option);
        }
        continue;
      }
      if (!descending || current.getSubcommands().isEmpty() || !word.matches("[a-z][a-z0-9|-]*")) {
        descending = false;
        continue;
      }
      List<String> alternatives = Arrays.asList(word.split("\\|"));
      for (String alternative : alternatives) {
        if (subcommand(current, path, alternative) == null) {
          return Optional.of(path + " has no command " + alternative);
        }
      }
      if (alternatives.size() > 1) {
        descending = false;
        current = null;
        break;
      }
      current = subcommand(current, path, word);
      path = path + " " + word;
    }
    return Optional.empty();
  }

  /** {@code va spark ...} and {@code va bench spark ...} run va-spark's launcher (see bin/va). */
  private CommandLine subcommand(CommandLine current, String path, String word) {
    if (path.equals("va") && word.equals("spark")) {
      return spark;
    }
    if (path.equals("va bench") && word.equals("spark")) {
      return spark.getSubcommands().get("bench");
    }
    return current.getSubcommands().get(word);
  }

  /** Drops the brackets and ellipses of usage lines: {@code [--k} is {@code --k}. */
  private static String strip(String word) {
    return word.replaceAll("^[\\[(]+", "")
        .replaceAll("[\\])]+(\\.\\.\\.)?$", "")
        .replaceAll("[:,]$", "");
  }
}

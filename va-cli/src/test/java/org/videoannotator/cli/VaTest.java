package org.videoannotator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VaTest {
  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    return run(Va.commandLine(), args);
  }

  private static Run run(CommandLine cmd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int status = cmd.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void versionNamesProjectRuntimeAndLicense() {
    Run r = run("--version");
    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("va "), r.out());
    assertTrue(r.out().contains("GPL-3.0-or-later"), r.out());
  }

  @Test
  void unknownOptionIsAUsageErrorWithStatus2() {
    Run r = run("--no-such-option");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--no-such-option"), r.err());
  }

  @Test
  void unknownCommandWithHelpNamesItAndExits2() {
    Run r = run("NOSUCHCOMMAND", "--help");
    assertEquals(2, r.status(), r.out() + r.err());
    assertTrue(r.err().contains("NOSUCHCOMMAND"), r.err());
    Run nested = run("bench", "nosuch", "--help");
    assertEquals(2, nested.status(), nested.out() + nested.err());
    assertTrue(nested.err().contains("nosuch"), nested.err());
    assertEquals(0, run("search", "--help").status(), "help for a real command still works");
  }

  @Test
  void demoRefusesANetworkAddressWithoutATokenBeforeBuildingAnything(@TempDir Path tmp) {
    Path dir = tmp.resolve("demo");
    Run r = run("demo", "--dir", dir.toString(), "--host", "0.0.0.0");
    assertEquals(1, r.status());
    assertTrue(r.err().contains("--token"), r.err());
    assertFalse(Files.exists(dir), "nothing may be rendered before the refusal");
  }

  @Test
  void aNamedCommandStartsWithThatCommandAlone() {
    CommandLine replay = Va.commandLineFor("replay", "exp1", "--help");
    assertEquals(List.of("help", "replay"), List.copyOf(replay.getSubcommands().keySet()));
    assertTrue(replay.getSubcommands().get("replay").getSubcommands().containsKey("exp1"));
    assertEquals(
        Va.commandLine().getSubcommands().keySet(),
        Va.commandLineFor("--version").getSubcommands().keySet(),
        "options alone get the full tree");
    assertTrue(Va.addressed("NOSUCHCOMMAND", "--help").isEmpty());
    assertTrue(Va.addressed("help", "replay").isEmpty(), "help needs the full tree");
  }

  @Test
  void theNarrowTreeAnswersLikeTheFullOne() {
    for (String[] args :
        new String[][] {
          {"replay", "--help"}, {"replay", "nosuch"}, {"replay", "exp1", "--no-such-option"}
        }) {
      Run full = run(Va.commandLine(), args);
      Run narrow = run(Va.commandLineFor(args), args);
      assertEquals(full, narrow, String.join(" ", args));
    }
  }

  @Test
  void everySubcommandHasHelp() {
    CommandLine root = Va.commandLine();
    assertHelp(root);
  }

  private static void assertHelp(CommandLine cmd) {
    assertTrue(
        cmd.getCommandSpec().mixinStandardHelpOptions()
            || cmd.getCommandSpec().optionsMap().containsKey("--help")
            || cmd.getCommand() instanceof CommandLine.HelpCommand,
        "no --help on " + cmd.getCommandName());
    for (CommandLine sub : cmd.getSubcommands().values()) {
      assertHelp(sub);
    }
  }
}

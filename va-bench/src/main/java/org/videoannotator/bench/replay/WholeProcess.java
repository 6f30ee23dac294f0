package org.videoannotator.bench.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.videoannotator.core.UserException;

/**
 * Runs a command as a whole process, as a user types it: wall time from before its start to its
 * exit (interpreter or JVM start, imports, class loading and data loading included) and the CPU
 * time of the process and its children, as bash's {@code times} reports them.
 */
public final class WholeProcess {
  /** bash's {@code times}: the second line holds the children's user and system time. */
  private static final Pattern TIMES =
      Pattern.compile("^(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s\\s*$", Pattern.MULTILINE);

  /** Wall and CPU seconds of one whole process, and everything it printed. */
  public record Run(double wallSeconds, double cpuSeconds, String output) {}

  private WholeProcess() {}

  /** Runs {@code command}; a non-zero exit is a {@link UserException} naming the command. */
  public static Run run(List<String> command) {
    // bash reports its children's CPU time after they exit; the command's own exit code is kept.
    List<String> cmd =
        new ArrayList<>(List.of("bash", "-c", "\"$@\"; s=$?; times >&2; exit $s", "bash"));
    cmd.addAll(command);
    try {
      Path log = Files.createTempFile("va-whole-process", ".log");
      try {
        long t0 = System.nanoTime();
        Process p =
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (code != 0) {
          throw new UserException(
              "'"
                  + String.join(" ", command)
                  + "' failed (exit "
                  + code
                  + "): "
                  + output
                      .lines()
                      .filter(l -> !TIMES.matcher(l).matches())
                      .reduce((a, b) -> b)
                      .orElse(""));
        }
        return new Run(wall, childrenCpu(output), output);
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UserException(
          "cannot run '" + String.join(" ", command) + "' (" + e.getMessage() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while running '" + String.join(" ", command) + "'", e);
    }
  }

  /** The last {@code times} line: the children's user plus system seconds. */
  static double childrenCpu(String output) {
    Matcher m = TIMES.matcher(output);
    double cpu = Double.NaN;
    while (m.find()) {
      cpu =
          Integer.parseInt(m.group(1)) * 60
              + Double.parseDouble(m.group(2))
              + Integer.parseInt(m.group(3)) * 60
              + Double.parseDouble(m.group(4));
    }
    return cpu;
  }
}

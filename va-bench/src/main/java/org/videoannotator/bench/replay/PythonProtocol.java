package org.videoannotator.bench.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.videoannotator.core.UserException;

/**
 * Runs the driver of Netflix's reference package ({@code experiments/src/test/python/
 * reference_protocol.py}) as a separate process, for the timing baseline and the figures to compare
 * with. Only benchmarks use it; tests never run Python.
 */
public final class PythonProtocol {
  private static final Pattern TIMES =
      Pattern.compile("wall time ([0-9.]+) s, cpu time ([0-9.]+) s");
  private final Path python;
  private final Path script;

  public PythonProtocol(Path python, Path script) {
    this.python = python;
    this.script = script;
  }

  /**
   * The interpreter and script when both exist (the script is looked for from the working folder).
   */
  public static Optional<PythonProtocol> find(Path python, Path script) {
    if (!Files.isExecutable(python) || !Files.isRegularFile(script)) {
      return Optional.empty();
    }
    return Optional.of(new PythonProtocol(python, script));
  }

  /**
   * Seconds of one run: as the script measured them (after its imports) and as a whole process
   * (interpreter start and imports included).
   */
  public record Timing(
      double wallSeconds, double cpuSeconds, double processWallSeconds, double processCpuSeconds) {}

  /**
   * Runs {@code command} ({@code exp1} or {@code splits}) with {@code args}; returns its timing.
   */
  public Timing run(String command, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString(), command));
    cmd.addAll(args);
    WholeProcess.Run run = WholeProcess.run(cmd);
    Matcher m = TIMES.matcher(run.output());
    if (!m.find()) {
      throw new UserException(
          "python protocol printed no timing; command: " + String.join(" ", cmd));
    }
    return new Timing(
        Double.parseDouble(m.group(1)),
        Double.parseDouble(m.group(2)),
        run.wallSeconds(),
        run.cpuSeconds());
  }
}

package org.videoannotator.core.cli;

import org.videoannotator.core.UserException;
import picocli.CommandLine;

/**
 * How every launcher ({@code va}, {@code va spark}) reports a command that failed: a {@link
 * UserException} anywhere in the cause chain is one line saying what and what to do; anything else
 * is a bug, printed with its stack trace. Exit status 1 either way.
 */
public final class CommandFailures implements CommandLine.IExecutionExceptionHandler {
  private final String launcher;

  /** {@code launcher}: the prefix of the messages, e.g. {@code "va"}. */
  public CommandFailures(String launcher) {
    this.launcher = launcher;
  }

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof UserException)) {
      cause = cause.getCause();
    }
    if (cause instanceof UserException) {
      cmd.getErr().println(launcher + ": " + cause.getMessage());
    } else {
      cmd.getErr().println(launcher + ": unexpected failure: " + e);
      e.printStackTrace(cmd.getErr());
    }
    return 1;
  }
}

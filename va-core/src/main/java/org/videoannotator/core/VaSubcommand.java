package org.videoannotator.core;

/**
 * A subcommand of the {@code va} launcher. Each module declares its picocli {@code @Command}
 * classes that implement this interface in {@code
 * META-INF/services/org.videoannotator.core.VaSubcommand}; the launcher finds them with {@link
 * java.util.ServiceLoader}, so modules never edit a shared list.
 *
 * <p>Implementations are picocli commands ({@code Callable<Integer>} returning an exit status).
 * Failures the user can fix are thrown as {@link UserException}.
 */
public interface VaSubcommand {
  /**
   * The group this command belongs under, e.g. {@code "bench"} for {@code va bench learn}, or
   * {@code ""} for a top-level command.
   */
  default String group() {
    return "";
  }
}

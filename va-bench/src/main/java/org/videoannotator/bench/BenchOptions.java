package org.videoannotator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;
import org.videoannotator.core.io.FileTrees;
import picocli.CommandLine.Option;

/**
 * The options every benchmark shares, as a picocli mixin ({@code @Mixin BenchOptions options;}):
 * where the figures go ({@code --out}), where generated data goes ({@code --work}) and the seed of
 * every random choice ({@code --seed}). The same names and meanings in every {@code va bench}
 * command.
 */
public final class BenchOptions {
  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Also write the figures as JSON to this file.")
  Path out;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Folder for generated data (default: a temporary folder, deleted after).")
  Path work;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
  long seed;

  public long seed() {
    return seed;
  }

  /** {@code --out}, or null when the figures are only printed. */
  public Path out() {
    return out;
  }

  /** Writes {@code figures} as JSON to {@code --out} when one was given, and says where. */
  public void writeFigures(Object figures) {
    if (out == null) {
      return;
    }
    try {
      Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), figures);
    } catch (IOException e) {
      throw new UserException(
          out + ": cannot write the figures (" + e.getMessage() + "); check the folder exists", e);
    }
    System.out.println("figures written to " + out.toAbsolutePath());
  }

  /**
   * The {@code --work} folder, or a new temporary one (named after {@code name}) that closing
   * deletes.
   */
  public Scratch scratch(String name) {
    try {
      return work != null
          ? new Scratch(work, false)
          : new Scratch(Files.createTempDirectory("va-bench-" + name), true);
    } catch (IOException e) {
      throw new UserException(
          "cannot create a temporary folder (" + e.getMessage() + "); pass --work DIR", e);
    }
  }

  /**
   * A folder for generated data: the user's {@code --work} (kept) or a temporary one (deleted on
   * close).
   */
  public record Scratch(Path dir, boolean temporary) implements AutoCloseable {
    @Override
    public void close() {
      if (temporary) {
        FileTrees.deleteTree(dir);
      }
    }
  }
}

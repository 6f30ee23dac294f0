package org.videoannotator.experiments.declared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.videoannotator.core.UserException;

/**
 * The declarations shipped in this module ({@code replays/*.yaml} on the classpath, listed in
 * {@code replays/index.txt}) and the lookup of a declaration by file path or shipped name.
 */
public final class Declarations {
  private static final String FOLDER = "replays/";

  private Declarations() {}

  /** Names of the shipped declarations, in index order. */
  public static List<String> shipped() {
    try (InputStream in = resource(FOLDER + "index.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the shipped replay index", e);
    }
  }

  /** A declaration from a YAML file, or a shipped one by name. */
  public static Declaration load(String fileOrName) {
    Path file = Path.of(fileOrName);
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        return Declaration.read(in, file.toString());
      } catch (IOException e) {
        throw new UserException(file + ": cannot read (" + e.getMessage() + ")", e);
      }
    }
    if (!shipped().contains(fileOrName)) {
      throw new UserException(
          fileOrName
              + ": no such declaration file, nor a shipped declaration; shipped: "
              + shipped());
    }
    try (InputStream in = resource(FOLDER + fileOrName + ".yaml")) {
      return Declaration.read(in, "shipped declaration " + fileOrName);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read shipped declaration " + fileOrName, e);
    }
  }

  /** The folder relative data paths of {@code fileOrName} resolve against (null when shipped). */
  public static Path baseOf(String fileOrName) {
    Path file = Path.of(fileOrName);
    return Files.isRegularFile(file) ? file.toAbsolutePath().getParent() : null;
  }

  private static InputStream resource(String name) {
    InputStream in = Declarations.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing resource " + name);
    }
    return in;
  }
}

package org.videoannotator.treechecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The repository's files as the checks see them: sources and docs, never build output. */
final class Repo {
  /** Folders that are output, tooling or dependencies, skipped wherever they are. */
  private static final Set<String> SKIPPED =
      Set.of(".git", ".mvn", "node_modules", "target", ".idea", "__pycache__");

  final Path root;
  final List<Path> files;

  private Repo(Path root, List<Path> files) {
    this.root = root;
    this.files = files;
  }

  /** The repository this build runs in ({@code -Dva.repo}, set by the module's POM). */
  static Repo current() {
    String dir = System.getProperty("va.repo");
    if (dir == null) {
      throw new IllegalStateException("run from Maven: -Dva.repo names the repository root");
    }
    return at(Path.of(dir));
  }

  /** The files under {@code dir}. */
  static Repo at(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> files =
          walk.filter(p -> !skipped(root.relativize(p)))
              .filter(Files::isRegularFile)
              .map(root::relativize)
              .toList();
      return new Repo(root, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (SKIPPED.contains(name) || name.startsWith("target-")) {
        return true;
      }
    }
    return false;
  }

  String read(Path relative) {
    try {
      return Files.readString(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean exists(Path relative) {
    Path p = root.resolve(relative).normalize();
    return p.startsWith(root) && Files.exists(p) && !skipped(root.relativize(p));
  }

  /** The README and API documents: {@code README.md} and {@code API.md} at any depth. */
  List<Path> docs() {
    return files.stream()
        .filter(
            p ->
                p.getFileName().toString().equals("README.md")
                    || p.getFileName().toString().equals("API.md"))
        .sorted()
        .toList();
  }

  List<Path> javaFiles() {
    return files.stream().filter(p -> p.toString().endsWith(".java")).toList();
  }
}

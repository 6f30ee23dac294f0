package org.videoannotator.treechecks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every type the repository's Java sources declare (main and test, nested too), by simple name. */
final class JavaTypes {
  private static final Pattern DECLARATION =
      Pattern.compile("\\b(?:class|interface|enum|record|@interface)\\s+([A-Z][A-Za-z0-9_]*)");

  /** A source file: its path relative to the repository, and its text. */
  record Source(Path path, String text) {
    /** The package path, e.g. {@code org/videoannotator/core/io}. */
    String packagePath() {
      Path parent = path.getParent();
      String p = parent == null ? "" : parent.toString().replace('\\', '/');
      int java = p.indexOf("/java/");
      return java < 0 ? p : p.substring(java + "/java/".length());
    }
  }

  private final Map<String, List<Source>> byName = new HashMap<>();

  JavaTypes(Repo repo) {
    for (Path p : repo.javaFiles()) {
      Source source = new Source(p, repo.read(p));
      Matcher m = DECLARATION.matcher(source.text());
      while (m.find()) {
        byName.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(source);
      }
    }
  }

  /** The files that declare a type called {@code simpleName} (empty when none does). */
  List<Source> declaring(String simpleName) {
    return byName.getOrDefault(simpleName, List.of());
  }
}

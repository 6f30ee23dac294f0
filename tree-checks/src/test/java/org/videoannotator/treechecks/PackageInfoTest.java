package org.videoannotator.treechecks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every package in src/main has a package-info.java saying what it owns. */
class PackageInfoTest {
  @Test
  void everyMainPackageHasAPackageInfo() {
    Repo repo = Repo.current();
    Set<Path> packages = new TreeSet<>();
    Set<Path> documented = new TreeSet<>();
    for (Path p : repo.javaFiles()) {
      if (!p.toString().replace('\\', '/').contains("/src/main/java/")) {
        continue;
      }
      packages.add(p.getParent());
      if (p.getFileName().toString().equals("package-info.java")) {
        documented.add(p.getParent());
      }
    }
    packages.removeAll(documented);
    assertEquals(
        List.of(), List.copyOf(packages), packages.size() + " packages have no package-info.java");
  }
}

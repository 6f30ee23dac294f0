package org.videoannotator.treechecks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The simple names of every class in the JDK and in the libraries the modules use (the class path
 * of this test: the whole va command tree and va-spark), so a README may name {@code ServiceLoader}
 * or Lucene's {@code KnnFloatVectorQuery}.
 */
final class LibraryTypes {
  private final Set<String> names = new HashSet<>();

  LibraryTypes() {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
        addJar(p);
      }
    }
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    try (Stream<Path> classes = Files.walk(jrt.getPath("/modules"))) {
      classes.map(Path::toString).filter(s -> s.endsWith(".class")).forEach(this::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean contains(String simpleName) {
    return names.contains(simpleName);
  }

  private void addJar(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (name.endsWith(".class")) {
          add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar, e);
    }
  }

  /** {@code a/b/Outer$Inner.class}: adds {@code Outer} and {@code Inner}. */
  private void add(String classFile) {
    String simple =
        classFile.substring(classFile.lastIndexOf('/') + 1, classFile.length() - ".class".length());
    for (String part : simple.split("\\$")) {
      names.add(part);
    }
  }
}

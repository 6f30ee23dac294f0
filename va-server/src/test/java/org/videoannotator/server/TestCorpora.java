package org.videoannotator.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.videoannotator.index.Clip;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.bench.SyntheticCorpus;

/**
 * Small real corpora for tests, built through va-index's API: seeded clustered random vectors (10
 * clusters) with clip metadata (videos of 20 shots, frame ranges, cluster, words by cluster). The
 * concept "{@link #CONCEPT}" holds for clips of clusters 0 and 1, so a model can learn it.
 */
public final class TestCorpora {
  public static final String CONCEPT = "beach";

  private static final java.util.Map<String, Path> TEMPLATES = new java.util.concurrent.ConcurrentHashMap<>();

  private TestCorpora() {}

  /**
   * A fresh copy (in {@code dir}) of a corpus generated once per test JVM: generating is the slow
   * part (Lucene indexing), copying the folder is not, and each test still gets its own database.
   */
  public static Corpus copy(Path dir, int n, int dim, long seed) {
    Path template = TEMPLATES.computeIfAbsent(n + "x" + dim + "s" + seed, name -> {
      try {
        Path t = Files.createTempDirectory("va-server-corpus-" + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(t)));
        create(t.resolve("corpus"), n, dim, seed).close();
        return t.resolve("corpus");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try (var files = Files.walk(template)) {
      for (Path from : (Iterable<Path>) files::iterator) {
        Path to = dir.resolve(template.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Corpus.open(dir);
  }

  /** Creates a corpus of {@code n} clips of dimension {@code dim} in {@code dir}. */
  public static Corpus create(Path dir, int n, int dim, long seed) {
    return SyntheticCorpus.create(dir, n, dim, seed);
  }

  public static String key(int i) {
    return SyntheticCorpus.key(i);
  }

  /** Whether the clip shows the concept (ground truth of the generated corpus). */
  public static boolean concept(Clip clip) {
    return SyntheticCorpus.concept(clip);
  }

  private static void deleteTree(Path dir) {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }

  /** Writes a (fake but real-file) thumbnail for {@code key} into the corpus media folder. */
  public static void writeThumbnail(Corpus corpus, String key, byte[] bytes) throws IOException {
    Path file = corpus.thumbnailPath(key);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}

package org.videoannotator.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.videoannotator.index.Clip;
import org.videoannotator.index.ClipVector;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.EmbedderInfo;

/**
 * Small real corpora for tests, built through va-index's API: seeded clustered random vectors (10
 * clusters) with clip metadata (videos of 20 shots, frame ranges, cluster, words by cluster). The
 * concept "{@link #CONCEPT}" holds for clips of clusters 0 and 1, so a model can learn it.
 */
public final class TestCorpora {
  public static final String CONCEPT = "beach";
  public static final int SHOTS_PER_VIDEO = 20;
  static final String[] WORDS = {"beach sunset", "beach waves", "city night", "forest walk", "car chase",
      "kitchen cooking", "office meeting", "snow mountain", "crowd concert", "desert road"};

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
    SplittableRandom random = new SplittableRandom(seed);
    float[][] centres = new float[10][dim];
    for (float[] c : centres) {
      for (int j = 0; j < dim; j++) {
        c[j] = (float) random.nextGaussian();
      }
    }
    Corpus corpus = Corpus.create(dir, EmbedderInfo.of("test-random", "1"), dim);
    List<ClipVector> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int cluster = random.nextInt(10);
      float[] v = new float[dim];
      for (int j = 0; j < dim; j++) {
        v[j] = centres[cluster][j] + 0.9f * (float) random.nextGaussian();
      }
      batch.add(new ClipVector(clip(i, cluster), v));
      if (batch.size() == 1000) {
        corpus.append(batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      corpus.append(batch);
    }
    return corpus;
  }

  /** The clip in row {@code i}: video {@code vid<i/20>}, shot {@code i%20} of 48 frames at 24 fps. */
  static Clip clip(int i, int cluster) {
    int video = i / SHOTS_PER_VIDEO;
    int shot = i % SHOTS_PER_VIDEO;
    int frameIn = shot * 48;
    return new Clip(key(i), "vid" + video + ".mp4", "", "Video " + video, frameIn / 24.0, (frameIn + 48) / 24.0,
        frameIn, frameIn + 47, 24.0, cluster, WORDS[cluster], Map.of());
  }

  public static String key(int i) {
    return "vid" + (i / SHOTS_PER_VIDEO) + "|" + (i % SHOTS_PER_VIDEO) * 48;
  }

  /** Whether the clip shows the concept (ground truth of the generated corpus). */
  public static boolean concept(Clip clip) {
    return clip.cluster() <= 1;
  }

  /** Writes a (fake but real-file) thumbnail for {@code key} into the corpus media folder. */
  public static void writeThumbnail(Corpus corpus, String key, byte[] bytes) throws IOException {
    Path file = corpus.thumbnailPath(key);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}

package org.videoannotator.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.videoannotator.core.Progress;
import org.videoannotator.core.io.FileTrees;
import org.videoannotator.index.Clip;
import org.videoannotator.index.ClipVector;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.EmbedderInfo;

/**
 * A seeded corpus of clustered random vectors with clip metadata, built through va-index's API, for
 * benchmarks and tests: 10 clusters (Gaussian centres, unit noise scaled by 0.9), videos of {@value
 * #SHOTS_PER_VIDEO} shots of 48 frames at 24 fps, searchable words by cluster. The concept "beach"
 * holds for clusters 0 and 1 ({@link #concept}).
 */
public final class SyntheticCorpora {
  /** The concept the generated corpora hold for clusters 0 and 1. */
  public static final String CONCEPT = "beach";

  public static final int SHOTS_PER_VIDEO = 20;
  public static final int CLUSTERS = 10;
  static final String[] WORDS = {
    "beach sunset",
    "beach waves",
    "city night",
    "forest walk",
    "car chase",
    "kitchen cooking",
    "office meeting",
    "snow mountain",
    "crowd concert",
    "desert road"
  };
  private static final int BATCH = 5_000;

  private static final Map<String, Path> TEMPLATES = new ConcurrentHashMap<>();

  private SyntheticCorpora() {}

  /**
   * A fresh copy (in {@code dir}) of a corpus generated once per JVM: generating is the slow part
   * (Lucene indexing), copying the folder is not, and each test still gets its own files.
   */
  public static Corpus copyOf(Path dir, int n, int dim, long seed) {
    Path template =
        TEMPLATES.computeIfAbsent(
            n + "x" + dim + "s" + seed,
            name -> {
              try {
                Path t = Files.createTempDirectory("va-corpus-" + name);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(t)));
                create(t.resolve("corpus"), n, dim, seed).close();
                return t.resolve("corpus");
              } catch (IOException e) {
                throw new UncheckedIOException(e);
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
      throw new UncheckedIOException(e);
    }
    return Corpus.open(dir, CorpusOptions.existing());
  }

  private static void deleteQuietly(Path dir) {
    try {
      FileTrees.deleteTree(dir);
    } catch (UncheckedIOException ignored) {
      // a temp folder left behind at exit is harmless
    }
  }

  /** Writes a (fake but real-file) thumbnail for {@code key} into the corpus media folder. */
  public static void writeThumbnail(Corpus corpus, String key, byte[] bytes) throws IOException {
    Path file = corpus.layout().thumbnail(key);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  /** Creates {@code n} clips of dimension {@code dim} in the new corpus folder {@code dir}. */
  public static Corpus create(Path dir, int n, int dim, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] centres = new float[CLUSTERS][dim];
    for (float[] c : centres) {
      for (int j = 0; j < dim; j++) {
        c[j] = (float) random.nextGaussian();
      }
    }
    Corpus corpus =
        Corpus.open(dir, CorpusOptions.create(EmbedderInfo.of("synthetic-clustered", "1"), dim));
    try (Progress progress = Progress.start("generate corpus", n, "clips")) {
      List<ClipVector> batch = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int cluster = random.nextInt(CLUSTERS);
        float[] v = new float[dim];
        for (int j = 0; j < dim; j++) {
          v[j] = centres[cluster][j] + 0.9f * (float) random.nextGaussian();
        }
        batch.add(new ClipVector(clip(i, cluster), v));
        if (batch.size() == BATCH || i == n - 1) {
          corpus.append(batch);
          progress.stepBy(batch.size());
          batch = new ArrayList<>();
        }
      }
    }
    return corpus;
  }

  /** The clip in row {@code i}. */
  public static Clip clip(int i, int cluster) {
    int shot = i % SHOTS_PER_VIDEO;
    int video = i / SHOTS_PER_VIDEO;
    int frameIn = shot * 48;
    return new Clip(
        key(i),
        "vid" + video + ".mp4",
        "",
        "Video " + video,
        frameIn / 24.0,
        (frameIn + 48) / 24.0,
        frameIn,
        frameIn + 47,
        24.0,
        cluster,
        WORDS[cluster],
        Map.of());
  }

  /** The key of row {@code i}: {@code vid<video>|<first frame>}. */
  public static String key(int i) {
    return "vid" + (i / SHOTS_PER_VIDEO) + "|" + (i % SHOTS_PER_VIDEO) * 48;
  }

  /** Ground truth of the concept "beach". */
  public static boolean concept(Clip clip) {
    return clip.cluster() <= 1;
  }
}

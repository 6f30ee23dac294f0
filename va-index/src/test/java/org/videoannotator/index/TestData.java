package org.videoannotator.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded clips and clustered vectors for tests. */
final class TestData {
  static final EmbedderInfo EMBEDDER = new EmbedderInfo("test-embedder", "1", Map.of("frames", "4"));

  private TestData() {}

  /**
   * {@code n} unit vectors around {@code clusters} random centres (Gaussian noise of scale
   * {@code spread}), seeded: the shape of real clip embeddings, where near neighbours exist.
   */
  static float[][] clustered(int n, int dim, int clusters, double spread, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] centres = new float[clusters][dim];
    for (float[] c : centres) {
      for (int i = 0; i < dim; i++) {
        c[i] = (float) gaussian(random);
      }
    }
    float[][] out = new float[n][dim];
    for (int r = 0; r < n; r++) {
      float[] c = centres[random.nextInt(clusters)];
      for (int i = 0; i < dim; i++) {
        out[r][i] = (float) (c[i] + spread * gaussian(random));
      }
      out[r] = Vectors.normalisedCopy(out[r], dim, "row " + r);
    }
    return out;
  }

  static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian before Java 17's RandomGenerator default.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  static Clip clip(int i, String video, String text) {
    return new Clip("k" + i, video, "/videos/" + video + ".mp4", "title " + video, i, i + 1.5,
        i * 36, i * 36 + 35, 24, i % 10, text, Map.of("n", Integer.toString(i)));
  }

  static List<ClipVector> batch(float[][] vectors, int from, int to) {
    List<ClipVector> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(new ClipVector(clip(i, "video" + (i % 7), "clip number " + i), vectors[i]));
    }
    return out;
  }
}

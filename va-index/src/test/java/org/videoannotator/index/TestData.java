package org.videoannotator.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Seeded clips and clustered vectors for tests. */
final class TestData {
  static final EmbedderInfo EMBEDDER =
      new EmbedderInfo("test-embedder", "1", Map.of("frames", "4"));

  private TestData() {}

  /**
   * {@code n} seeded unit vectors around {@code clusters} centres (see {@link ClusteredVectors}).
   */
  static float[][] clustered(int n, int dim, int clusters, double spread, long seed) {
    return new ClusteredVectors(dim, clusters, spread, seed, seed).next(n);
  }

  static Clip clip(int i, String video, String text) {
    return new Clip(
        "k" + i,
        video,
        "/videos/" + video + ".mp4",
        "title " + video,
        i,
        i + 1.5,
        i * 36,
        i * 36 + 35,
        24,
        i % 10,
        text,
        Map.of("n", Integer.toString(i)));
  }

  static List<ClipVector> batch(float[][] vectors, int from, int to) {
    List<ClipVector> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(new ClipVector(clip(i, "video" + (i % 7), "clip number " + i), vectors[i]));
    }
    return out;
  }
}

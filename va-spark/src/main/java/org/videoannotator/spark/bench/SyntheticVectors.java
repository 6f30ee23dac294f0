package org.videoannotator.spark.bench;

import java.util.SplittableRandom;

/**
 * Seeded unit vectors by row number, the same wherever they are made: a Spark task writing Parquet
 * and the driver writing a raw matrix get identical rows, so both scorers see the same data.
 */
final class SyntheticVectors {
  private SyntheticVectors() {}

  static void fill(long seed, long row, float[] out) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + row);
    double norm = 0;
    for (int i = 0; i < out.length; i++) {
      float v = (float) random.nextGaussian();
      out[i] = v;
      norm += (double) v * v;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < out.length; i++) {
      out[i] *= scale;
    }
  }

  static String key(long row) {
    return "bench|" + row;
  }
}

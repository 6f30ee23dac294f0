package org.videoannotator.datasets;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the generator seed and a path of integers (stream id,
 * label, row...). Every random quantity of the synthetic data set has its own stream, so any shot's
 * embedding or annotation can be recomputed alone and the output does not depend on evaluation
 * order or thread count.
 */
final class Seeds {
  private Seeds() {}

  static SplittableRandom rng(long seed, long... path) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    for (long p : path) {
      h = mix(h + 0x9E3779B97F4A7C15L * (p + 1));
    }
    return new SplittableRandom(h);
  }

  /** SplitMix64's finaliser: a bijective avalanche of 64 bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A uniformly random unit vector of {@code dim} coordinates. */
  static float[] unitVector(SplittableRandom rng, int dim) {
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = (float) rng.nextGaussian();
    }
    return normalize(v);
  }

  /**
   * Normalises in place. Unlike va-core's {@code VectorMath} it squares in float before summing in
   * double: the generator's output (and so every declared figure's data fingerprint) depends on
   * these exact bits, so this arithmetic must not change.
   */
  static float[] normalize(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm == 0) {
      throw new IllegalArgumentException("zero vector");
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / norm);
    }
    return v;
  }

  /** Float products summed in double, bit-compatible with {@link #normalize}'s arithmetic. */
  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}

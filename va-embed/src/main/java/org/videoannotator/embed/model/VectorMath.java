package org.videoannotator.embed.model;

/** Small vector helpers shared by the embedders. */
public final class VectorMath {
  private VectorMath() {}

  /** Euclidean norm. */
  public static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    return Math.sqrt(s);
  }

  /**
   * {@code v} scaled to unit length, in place. A zero vector cannot be normalised: that is an
   * error, because a zero embedding would silently match nothing.
   */
  public static float[] normalizeInPlace(float[] v) {
    double n = norm(v);
    if (!(n > 0) || Double.isInfinite(n)) {
      throw new IllegalStateException("cannot normalise a vector of norm " + n);
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / n);
    }
    return v;
  }

  /** Dot product of two vectors of equal length. */
  public static double dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}

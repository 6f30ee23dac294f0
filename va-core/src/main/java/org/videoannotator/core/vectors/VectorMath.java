package org.videoannotator.core.vectors;

import org.videoannotator.core.UserException;

/**
 * The project's vector arithmetic on single {@code float[]} vectors (sums in double): norms and
 * normalisation with their user errors. The SIMD kernels over rows live in {@link DotProducts}.
 */
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

  /**
   * A unit-length copy of {@code v}; wrong length, NaN/infinite values or a zero vector are user
   * errors naming {@code what} (e.g. "query vector", "vector of clip 'k'").
   */
  public static float[] normalisedCopy(float[] v, int dim, String what) {
    if (v.length != dim) {
      throw new UserException(what + " has dimension " + v.length + ", the corpus has " + dim);
    }
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw new UserException(what + " has a non-finite value " + v[i] + " at index " + i);
      }
      sum += (double) v[i] * v[i];
    }
    if (sum == 0) {
      throw new UserException(what + " is all zeros and cannot be normalised");
    }
    float[] out = new float[v.length];
    double scale = 1 / Math.sqrt(sum);
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] * scale);
    }
    return out;
  }
}

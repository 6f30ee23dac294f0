package org.videoannotator.index;

import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.FloatMatrix;

/** Small vector arithmetic shared by the corpus and its searches. */
public final class Vectors {
  private Vectors() {}

  /**
   * A unit-length copy of {@code v}; wrong length, NaN/infinite values or a zero vector are user
   * errors naming {@code what}.
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

  /** Dot product of {@code q} with row {@code row} of {@code m}. */
  public static float dot(FloatMatrix m, int row, float[] q) {
    if (m.order() == java.nio.ByteOrder.nativeOrder()) {
      return ExactSearch.dot(m.segment(), (long) row * m.dim() * Float.BYTES, q);
    }
    var segment = m.segment();
    var layout = m.layout();
    long base = (long) row * m.dim();
    float sum = 0;
    for (int i = 0; i < q.length; i++) {
      sum += segment.getAtIndex(layout, base + i) * q[i];
    }
    return sum;
  }
}

package org.videoannotator.experiments.protocol;

/**
 * The zero-shot scorer: cosine similarity of each shot embedding with the label's text embedding.
 */
public final class ZeroShot {
  private ZeroShot() {}

  /** Cosine of every validation row with {@code text}, in double precision as the reference. */
  public static double[] scores(ValidationBench validation, double[] text) {
    double textNorm = norm(text);
    double[] scores = new double[validation.size()];
    for (int i = 0; i < scores.length; i++) {
      float[] x = validation.row(i);
      if (x.length != text.length) {
        throw new IllegalArgumentException(
            "text embedding of dimension "
                + text.length
                + " for shot embeddings of dimension "
                + x.length);
      }
      double dot = 0;
      double xx = 0;
      for (int j = 0; j < x.length; j++) {
        dot += x[j] * text[j];
        xx += (double) x[j] * x[j];
      }
      scores[i] = dot / (Math.sqrt(xx) * textNorm);
    }
    return scores;
  }

  // Its own norm, in double over double text embeddings: zero-shot must match the reference bit
  // for bit on bootstrap 0, and va-core's VectorMath works on float vectors.
  private static double norm(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d * d;
    }
    return Math.sqrt(s);
  }
}

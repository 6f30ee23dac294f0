package org.videoannotator.embed.model.descriptor;

/**
 * Appends standardised features to a fixed-length array: each raw value is centred and scaled by
 * a documented typical value and clipped, so that no single feature dominates a cosine.
 */
final class FeatureWriter {
  /** Standardised values beyond this are clipped: rare extremes must not swamp the vector. */
  static final float CLIP = 4f;

  private final float[] out;
  private int pos;

  FeatureWriter(int length) {
    out = new float[length];
  }

  /** Adds {@code (raw - center) / scale}, clipped to [-CLIP, CLIP]. */
  FeatureWriter add(double raw, double center, double scale) {
    double z = (raw - center) / scale;
    out[pos++] = (float) Math.max(-CLIP, Math.min(CLIP, z));
    return this;
  }

  /** Adds a histogram as square roots (Hellinger) centred on the uniform histogram. */
  FeatureWriter addHistogram(double[] fractions, double scale) {
    double uniform = Math.sqrt(1.0 / fractions.length);
    for (double f : fractions) {
      add(Math.sqrt(Math.max(0, f)), uniform, scale);
    }
    return this;
  }

  int position() {
    return pos;
  }

  float[] done() {
    if (pos != out.length) {
      throw new IllegalStateException("wrote " + pos + " features, expected " + out.length);
    }
    return out;
  }
}

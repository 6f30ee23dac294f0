package org.videoannotator.embed.model.descriptor;

/**
 * Appends standardised features to a fixed-length array: each raw value is centred and scaled by a
 * documented typical value and clipped, so that no single feature dominates a cosine.
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

  /**
   * Adds a non-negative magnitude on a log scale, {@code ln((raw + floor) / (center + floor))}, so
   * that "none", "a little" and "a lot" are equally far apart: motion that is small but present (a
   * handheld camera) must not look like no motion at all.
   */
  FeatureWriter addLog(double raw, double floor, double center) {
    return add(Math.log((Math.max(0, raw) + floor) / (center + floor)), 0, 1);
  }

  /** Adds a signed value on a symmetric log scale: {@code sign(raw) * ln(1 + |raw| / unit)}. */
  FeatureWriter addSignedLog(double raw, double unit) {
    return add(Math.signum(raw) * Math.log1p(Math.abs(raw) / unit), 0, 1);
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

package org.videoannotator.embed.video.shots;

/**
 * Per-frame descriptors that a texture keeps while its pixels change every frame, and a cut
 * changes: compared as averages over a few frames on each side of a candidate by {@link
 * WindowContrast}. Each has a noise floor added to the spreads, so that two nearly still sides do
 * not make a huge ratio out of compression noise. The floors were set once from each distance's
 * range (a few percent of it), not tuned on any benchmark; the cut classifier trained on the
 * texture mix's tuning half ({@code va bench train-cuts}) weighs the contrasts as they are.
 */
enum Descriptor {
  /** Hue-saturation histogram with grey bins; half the L1 distance, 0..1. */
  COLOUR(0.02),
  /** Gradient orientation histogram (8 bins, weighted by strength); L1 distance, 0..2. */
  ORIENTATION(0.04),
  /** 4x4 grid of luma relative to the frame's mean and spread; mean absolute difference. */
  LAYOUT(0.05),
  /** RGB means and luma spread per quarter of the picture, 0..1; mean absolute difference. */
  MOMENTS(0.01);

  final double floor;

  Descriptor(double floor) {
    this.floor = floor;
  }

  float[] of(FrameFeatures f) {
    return switch (this) {
      case COLOUR -> f.hist;
      case ORIENTATION -> f.orientation;
      case LAYOUT -> f.layout;
      case MOMENTS -> f.moments;
    };
  }

  double distance(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += Math.abs(a[i] - b[i]);
    }
    return switch (this) {
      case COLOUR -> 0.5 * d;
      case ORIENTATION -> d;
      case LAYOUT, MOMENTS -> d / a.length;
    };
  }
}

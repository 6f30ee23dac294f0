package org.videoannotator.embed.video.shots;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-candidate features the {@link CutModel} weighs, from the signal series. In order (the
 * names are stored with the weights, and a model whose names differ is refused):
 *
 * <ol>
 *   <li>{@code score}: the {@link CutScore} of the frame (structure and colour change from the
 *       frame before, after motion compensation);
 *   <li>{@code overMedian}: score minus the median of the 16 neighbours' scores;
 *   <li>{@code logRatioQ3}: log of (score + 0.02) over (the neighbours' upper quartile + 0.02);
 *   <li>{@code overCalmSide}: score minus the lower of the two sides' medians (8 frames each);
 *   <li>{@code overBusySide}: score minus the higher of the two sides' upper quartiles;
 *   <li>{@code peak}: score minus the larger score of the frames just before and after;
 *   <li>{@code contrastColour}, {@code contrastOrientation}, {@code contrastLayout}, {@code
 *       contrastMoments}: {@code log(1 + WindowContrast)} of each {@link Descriptor};
 *   <li>{@code rule}: 1 when the hand-made {@link HardCutRule} takes the frame, else 0.
 * </ol>
 */
final class CutFeatures {
  static final List<String> NAMES =
      List.of(
          "score",
          "overMedian",
          "logRatioQ3",
          "overCalmSide",
          "overBusySide",
          "peak",
          "contrastColour",
          "contrastOrientation",
          "contrastLayout",
          "contrastMoments",
          "rule");
  private static final double RATIO_FLOOR = 0.02;

  private CutFeatures() {}

  static List<FrameSignal> signals() {
    List<FrameSignal> s = new ArrayList<>();
    s.add(new CutScore());
    for (Descriptor d : Descriptor.values()) {
      s.add(new WindowContrast(d));
    }
    return s;
  }

  static double[] of(FrameSignals values, HardCutRule rule, int i) {
    FloatSeries cut = values.series(new CutScore());
    int r = HardCutRule.RADIUS;
    double s = cut.get(i);
    double leftMed = Quantiles.around(cut, i - r, i - 1, i, 0.5);
    double rightMed = Quantiles.around(cut, i + 1, i + r, i, 0.5);
    double leftQ3 = Quantiles.around(cut, i - r, i - 1, i, 0.75);
    double rightQ3 = Quantiles.around(cut, i + 1, i + r, i, 0.75);
    double before = i >= 2 ? cut.get(i - 1) : 0;
    double after = i + 1 < values.count() ? cut.get(i + 1) : 0;
    double[] f = new double[NAMES.size()];
    f[0] = s;
    f[1] = s - Quantiles.around(cut, i - r, i + r, i, 0.5);
    f[2] =
        Math.log((s + RATIO_FLOOR) / (Quantiles.around(cut, i - r, i + r, i, 0.75) + RATIO_FLOOR));
    f[3] = s - Math.min(leftMed, rightMed);
    f[4] = s - Math.max(leftQ3, rightQ3);
    f[5] = s - Math.max(before, after);
    Descriptor[] ds = Descriptor.values();
    for (int k = 0; k < ds.length; k++) {
      f[6 + k] = Math.log1p(values.series(new WindowContrast(ds[k])).get(i));
    }
    f[10] = rule.candidate(cut, i) ? 1 : 0;
    return f;
  }
}

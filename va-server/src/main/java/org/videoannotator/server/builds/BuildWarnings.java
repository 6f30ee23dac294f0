package org.videoannotator.server.builds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.videoannotator.server.store.Decision;

/**
 * What the build panel says in words when a model should not be trusted yet: AP measured on too few
 * of a class, scores too flat to rank or threshold, or most of the corpus called "yes".
 */
final class BuildWarnings {
  /** Fewer of a class than this and cross-validated AP is mostly noise. */
  static final int FEW = 10;

  /** 90 % of the corpus within this many probability points is "flat". */
  static final double FLAT_SPREAD = 0.05;

  private static final int SAMPLE = 20_000;

  private BuildWarnings() {}

  static List<String> of(int positives, int negatives, float[] probabilities, Decision decision) {
    List<String> out = new ArrayList<>();
    if (positives < FEW || negatives < FEW) {
      out.add(
          String.format(
              Locale.ROOT,
              "The AP rests on %d yes and %d no; label at least %d of each before trusting it.",
              positives,
              negatives,
              FEW));
    }
    double[] spread = spread(probabilities);
    if (spread[1] - spread[0] < FLAT_SPREAD) {
      out.add(
          String.format(
              Locale.ROOT,
              "Scores are flat: 90%% of clips score between %.3f and %.3f, so the ranking and the feeds mean "
                  + "little yet; label more clips, from the borderline and random feeds.",
              spread[0],
              spread[1]));
    }
    if (decision.corpusClips() > 0 && decision.yesClips() * 2 > decision.corpusClips()) {
      out.add(
          String.format(
              Locale.ROOT,
              "Most of the corpus would come out \"yes\": %d of %d clips (%.0f%%) score at least %.3f; check "
                  + "the top-negative and random feeds before exporting.",
              decision.yesClips(),
              decision.corpusClips(),
              100.0 * decision.yesClips() / decision.corpusClips(),
              decision.threshold()));
    }
    return out;
  }

  /**
   * The 5th and 95th percentiles of the probabilities (of an evenly spaced sample on big corpora).
   */
  private static double[] spread(float[] probabilities) {
    if (probabilities.length == 0) {
      return new double[] {0, 1};
    }
    int step = Math.max(1, probabilities.length / SAMPLE);
    float[] sample = new float[(probabilities.length + step - 1) / step];
    for (int i = 0, j = 0; i < probabilities.length; i += step) {
      sample[j++] = probabilities[i];
    }
    Arrays.sort(sample);
    return new double[] {
      sample[(int) (0.05 * (sample.length - 1))], sample[(int) (0.95 * (sample.length - 1))]
    };
  }
}

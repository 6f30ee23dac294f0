package org.videoannotator.learn.estimate;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the annotators' other labels say about their error rates, as a Beta prior for this label's:
 * the mean {@code falseYes} worth {@code falseYesWeight} answers (the same for {@code falseNo}).
 *
 * <p>Why: an error rate is the annotators' more than the label's, and one label rarely measures its
 * own. The false-"yes" rate rests on the few dozen labelled clips the model scores low, so a label
 * fits it anywhere from 0 to 0.3 at a true 0.1 (va-server/bench/loop/selection-weights), and every
 * rare label's prevalence, corrected by it, goes with it: to the noise's share, or to 0. Pooled
 * over the labels that fitted their own rates, by a random-effects mean (DerSimonian and Laird
 * 1986), the rate is steadier; the spread between labels beyond their own uncertainty ({@code
 * tau^2}) keeps the prior as weak as the labels' disagreement says, so a label whose answers differ
 * (an ambiguous one) still moves its rate. Beta moments: a rate of mean {@code m} and variance
 * {@code v} is worth {@code m (1 - m) / v - 1} answers.
 */
public record ErrorPrior(
    double falseYes, double falseYesWeight, double falseNo, double falseNoWeight, int labels) {
  /** Labels that fitted a rate needed before it is pooled. */
  public static final int MIN_LABELS = 3;

  /** A variance floor, so that a label whose interval collapsed does not take the whole weight. */
  private static final double MIN_VARIANCE = 1e-4;

  /**
   * One label's own fitted error rates (null where it could not fit that rate), with their 95 %
   * intervals.
   */
  public record LabelRates(Interval falseYes, Interval falseNo) {}

  /**
   * The prior from other labels' own rates, or null when fewer than {@link #MIN_LABELS} fit one.
   */
  public static ErrorPrior pool(List<LabelRates> others) {
    double[] e0 = pooled(others, LabelRates::falseYes);
    double[] e1 = pooled(others, LabelRates::falseNo);
    if (e0 == null) {
      return null;
    }
    return new ErrorPrior(
        e0[0], e0[1], e1 == null ? 0 : e1[0], e1 == null ? 0 : e1[1], (int) e0[2]);
  }

  /** {mean, weight in answers, labels} of one rate over the labels that fitted it, or null. */
  private static double[] pooled(List<LabelRates> others, Function<LabelRates, Interval> rate) {
    List<Interval> fitted = others.stream().map(rate).filter(Objects::nonNull).toList();
    int m = fitted.size();
    if (m < MIN_LABELS) {
      return null;
    }
    double[] v = new double[m];
    double[] w = new double[m];
    double sw = 0;
    double sw2 = 0;
    double swv = 0;
    for (int i = 0; i < m; i++) {
      double sd = fitted.get(i).width() / (2 * Wilson.Z);
      v[i] = fitted.get(i).value();
      w[i] = 1 / Math.max(MIN_VARIANCE, sd * sd);
      sw += w[i];
      sw2 += w[i] * w[i];
      swv += w[i] * v[i];
    }
    double fixedMean = swv / sw;
    double q = 0;
    for (int i = 0; i < m; i++) {
      q += w[i] * (v[i] - fixedMean) * (v[i] - fixedMean);
    }
    double tau2 = Math.max(0, (q - (m - 1)) / (sw - sw2 / sw));
    double sws = 0;
    double swsv = 0;
    for (int i = 0; i < m; i++) {
      double ws = 1 / (1 / w[i] + tau2);
      sws += ws;
      swsv += ws * v[i];
    }
    double mean = swsv / sws;
    // a new label's rate: the pooled mean's uncertainty plus the spread between labels
    double variance = Math.max(MIN_VARIANCE, tau2 + 1 / sws);
    double weight = Math.max(0, mean * (1 - mean) / variance - 1);
    return new double[] {mean, weight, m};
  }
}

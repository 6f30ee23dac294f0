package org.videoannotator.learn.estimate;

import java.util.Arrays;

/**
 * Where the model says "yes" on the corpus: at the break-even point for the corpus's estimated
 * prevalence, i.e. the highest-scoring {@code round(prevalence * N)} clips (at least one), cut
 * halfway to the next clip's score.
 *
 * <p>Why there: the probabilities were calibrated on the labelled set, so a cut chosen on it (the
 * F1-best one) assumes its class balance; with 14 yes of 23 that cut called 96 % of a corpus "yes"
 * whose true share was 6 %. Shifted to the corpus's prior (an intercept shift, see {@link
 * PriorShift}), the probabilities keep their order, and with any calibrated probabilities the
 * expected number of "yes" among the top k clips over the expected total is the expected precision,
 * and over {@code prevalence * N} the expected recall: both are equal exactly at {@code k =
 * prevalence * N}. So the cut calls "yes" as many clips as the corpus is estimated to hold,
 * whatever the model's confidence, instead of F1's tendency to call everything "yes" when the
 * scores barely separate. Being a rank, it is the same on the labelled-set scale: the threshold is
 * returned there, for code that compares the stored probabilities.
 */
public final class CorpusCut {
  /**
   * @param threshold a clip is "yes" when its probability is at least this
   * @param yesClips clips at or above it (more than asked only on tied scores)
   * @param corpusClips clips scored
   */
  public record Cut(double threshold, long yesClips, long corpusClips) {
    public double yesShare() {
      return corpusClips == 0 ? 0 : (double) yesClips / corpusClips;
    }
  }

  private CorpusCut() {}

  public static Cut breakEven(float[] probabilities, double prevalence) {
    int n = probabilities.length;
    if (n == 0) {
      return new Cut(1, 0, 0);
    }
    int k = (int) Math.max(1, Math.min(n, Math.round(prevalence * n)));
    float[] sorted = probabilities.clone();
    Arrays.sort(sorted);
    // Between the k-th and the next clip, not on the k-th: a score recomputed in double precision
    // (the export does) must land on the same side.
    double threshold =
        k < n && sorted[n - k - 1] < sorted[n - k]
            ? ((double) sorted[n - k - 1] + sorted[n - k]) / 2
            : sorted[n - k];
    long yes = 0;
    for (float p : probabilities) {
      yes += p >= threshold ? 1 : 0;
    }
    return new Cut(threshold, yes, n);
  }
}

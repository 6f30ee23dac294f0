package org.videoannotator.bench.loop;

/**
 * One budget step of one session (label, policy, seed): what the truth says of the model, what the
 * server shows, and what it cost. NaN where undefined (no model yet; a precision with nothing
 * called "yes"; an estimate the server does not give).
 *
 * @param labels labels spent (clips the expert answered)
 * @param yes "yes" answers among them
 * @param model whether a model exists (both answers at least twice)
 * @param holdoutAp AP of the model's scores on the hold-out against the truth
 * @param decisionPrecision precision of the model's "yes" (score at or above the server's
 *     threshold) on the hold-out
 * @param decisionRecall recall of that decision on the hold-out
 * @param yesShare share of the whole corpus at or above the threshold, recomputed from the scores
 * @param shownAp the AP the UI shows (cross-validated on the labels)
 * @param shownYesShare the share called "yes" the build reports ({@code yesClips / corpusClips})
 * @param threshold the decision threshold the server uses
 * @param estimatedRate the server's estimated prevalence ({@code estimates.prevalence.value})
 * @param estimatedLow its interval's lower end
 * @param estimatedHigh its interval's upper end
 * @param estimateMethod how it was estimated (null when the server gives none)
 * @param apOnRandom the server's AP estimated on random-feed labels
 * @param buildMillis wall time of the last build, request to finished document
 * @param buildMillisTotal wall time of every build of the session so far
 * @param builds builds so far
 * @param skips distinct hold-out clips offered and skipped so far
 * @param modelVersion the server's model version measured (-1 without a model): with {@code
 *     --keep-labels} its scores stay available for an independent recomputation
 */
record Step(
    int labels,
    int yes,
    boolean model,
    double holdoutAp,
    double decisionPrecision,
    double decisionRecall,
    double yesShare,
    double shownAp,
    double shownYesShare,
    double threshold,
    double estimatedRate,
    double estimatedLow,
    double estimatedHigh,
    String estimateMethod,
    double apOnRandom,
    long buildMillis,
    long buildMillisTotal,
    int builds,
    int skips,
    int modelVersion) {

  /** A step before any model: only the cost is known. */
  static Step withoutModel(int labels, int yes, long buildMillisTotal, int builds, int skips) {
    double nan = Double.NaN;
    return new Step(
        labels,
        yes,
        false,
        nan,
        nan,
        nan,
        nan,
        nan,
        nan,
        nan,
        nan,
        nan,
        nan,
        null,
        nan,
        0,
        buildMillisTotal,
        builds,
        skips,
        -1);
  }
}

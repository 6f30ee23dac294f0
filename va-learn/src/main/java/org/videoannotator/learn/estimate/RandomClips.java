package org.videoannotator.learn.estimate;

/** The labelled clips that came from the random feed: their answers and out-of-fold scores. */
final class RandomClips {
  private final boolean[] yes;
  private final double[] logits;

  private RandomClips(boolean[] yes, double[] logits) {
    this.yes = yes;
    this.logits = logits;
  }

  /** The random feed's clips of {@code labelled}, scored on the calibrated logit scale. */
  static RandomClips of(CorpusEstimates.LabelledClips labelled, double slope, double intercept) {
    int n = 0;
    for (boolean r : labelled.fromRandomFeed()) {
      n += r ? 1 : 0;
    }
    boolean[] yes = new boolean[n];
    double[] logits = new double[n];
    for (int i = 0, j = 0; i < labelled.rows().length; i++) {
      if (labelled.fromRandomFeed()[i]) {
        yes[j] = labelled.yes()[i];
        logits[j++] = slope * labelled.outOfFold()[i] + intercept;
      }
    }
    return new RandomClips(yes, logits);
  }

  int size() {
    return yes.length;
  }

  int yesCount() {
    int k = 0;
    for (boolean b : yes) {
      k += b ? 1 : 0;
    }
    return k;
  }

  boolean[] yes() {
    return yes;
  }

  /** Out-of-fold calibrated logits (for AP, only their order matters). */
  double[] scores() {
    return logits;
  }
}

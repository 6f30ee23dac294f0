package org.videoannotator.learn.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.videoannotator.learn.Metrics;

/** The estimators' parts against hand-computed values and against their definitions. */
class EstimatePartsTest {
  @Test
  void wilsonIntervalsMatchThePublishedOnes() {
    // Wilson intervals as tabulated (e.g. Newcombe 1998): 0/10 -> [0, 0.2775], 5/10 -> [0.2366,
    // 0.7634]
    Interval none = Wilson.of(0, 10);
    assertEquals(0, none.value());
    assertEquals(0, none.lo(), 1e-12);
    assertEquals(0.2775328, none.hi(), 1e-6);
    Interval half = Wilson.of(5, 10);
    assertEquals(0.2365931, half.lo(), 1e-6);
    assertEquals(0.7634069, half.hi(), 1e-6);
    assertThrows(IllegalArgumentException.class, () -> Wilson.of(3, 0));
  }

  @Test
  void thePriorShiftMaximumIsTheHandSolvedOne() {
    // Calibrated at prior 1/2, likelihood ratios 9, 1/9, 1/9: the slope 8/(1+8p) - 2(8/9)/(1-8p/9)
    // vanishes at p = 56/192 = 7/24.
    float l = (float) Math.log(9);
    LogitSample sample = LogitSample.of(new float[] {l, -l, -l}, i -> false);
    assertEquals(7.0 / 24, PriorShift.corpusPrior(sample, 0.5), 1e-6);
    // every clip more likely "no" than the labelled set's balance says: the prior is 0
    assertEquals(0, PriorShift.corpusPrior(LogitSample.of(new float[] {-1, -2}, i -> false), 0.5));
  }

  @Test
  void thePriorShiftMaximumIsWhereSaerensEmConverges() {
    SplittableRandom random = new SplittableRandom(4);
    float[] logits = new float[3000];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) (random.nextGaussian() * 2 - 1.5 + (random.nextDouble() < 0.2 ? 3 : 0));
    }
    double labelledPrior = 0.55;
    // Saerens et al.'s EM, literally: adjust the posteriors to the current prior, average them
    double prior = labelledPrior;
    for (int it = 0; it < 20_000; it++) {
      double sum = 0;
      for (float x : logits) {
        double p = 1 / (1 + Math.exp(-x));
        double yes = prior / labelledPrior * p;
        double no = (1 - prior) / (1 - labelledPrior) * (1 - p);
        sum += yes / (yes + no);
      }
      prior = sum / logits.length;
    }
    LogitSample sample = LogitSample.of(logits, i -> false);
    assertEquals(prior, PriorShift.corpusPrior(sample, labelledPrior), 1e-5);
    // and the shifted probabilities then average that prior (EM's fixed point)
    double shift = PriorShift.logitShift(labelledPrior, prior);
    assertEquals(prior, sample.meanProbability(shift), 1e-5);
    assertEquals(shift, PriorShift.shiftToMean(sample, prior), 1e-4);
  }

  @Test
  void binningLargeSamplesKeepsThePrior() {
    SplittableRandom random = new SplittableRandom(5);
    float[] logits = new float[50_000];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) (random.nextGaussian() * 3 - 2);
    }
    double binned = PriorShift.corpusPrior(LogitSample.of(logits, i -> false), 0.4);
    float[] exact = java.util.Arrays.copyOf(logits, LogitSample.BINS);
    assertTrue(LogitSample.of(logits, i -> false).size() == logits.length);
    // a subsample held exactly estimates the same prior up to its sampling error
    assertEquals(binned, PriorShift.corpusPrior(LogitSample.of(exact, i -> false), 0.4), 0.03);
    // skipping rows skips them
    assertEquals(LogitSample.BINS, LogitSample.of(logits, i -> i >= LogitSample.BINS).size());
  }

  @Test
  void pseudoCountsWidenAndShiftTheWilsonIntervalAsExtraLabels() {
    // 2 yes of 20 plus a prior of 0.2 worth 10 labels: 4 yes of 30
    Interval prior = Wilson.of(2 + 10 * 0.2, 30.0);
    assertEquals(4.0 / 30, prior.value(), 1e-12);
    assertEquals(Wilson.of(4, 30), prior);
  }

  @Test
  void theBreakEvenCutCallsAsManyClipsAsThePrevalenceSays() {
    float[] p = {0.2f, 0.9f, 0.5f, 0.8f, 0.1f, 0.7f, 0.3f, 0.6f, 0.4f, 0.05f};
    CorpusCut.Cut cut = CorpusCut.breakEven(p, 0.3);
    assertEquals(
        ((double) 0.7f + 0.6f) / 2,
        cut.threshold(),
        1e-12,
        "halfway between the 3rd and the 4th clip");
    assertEquals(3, cut.yesClips());
    assertEquals(0.3, cut.yesShare(), 1e-12);
    // never nothing: a prevalence rounding to no clip still calls the best one "yes"
    assertEquals(1, CorpusCut.breakEven(p, 0.01).yesClips());
    // ties at the cut are all "yes"
    assertEquals(
        4, CorpusCut.breakEven(new float[] {0.5f, 0.5f, 0.5f, 0.5f, 0.1f}, 0.4).yesClips());
  }

  @Test
  void apOnARandomSampleIsTheApWithABootstrapInterval() {
    SplittableRandom random = new SplittableRandom(8);
    boolean[] y = new boolean[60];
    double[] s = new double[60];
    for (int i = 0; i < y.length; i++) {
      y[i] = random.nextDouble() < 0.2;
      s[i] = random.nextGaussian() + (y[i] ? 1.5 : 0);
    }
    Interval ap = RandomSampleAp.estimate(s, y, 1);
    assertEquals(Metrics.averagePrecision(y, s), ap.value(), 0);
    assertTrue(
        ap.lo() < ap.value() && ap.value() < ap.hi() && ap.hi() - ap.lo() > 0.1, ap.toString());
    assertEquals(ap, RandomSampleAp.estimate(s, y, 1), "seeded");
    assertThrows(
        IllegalArgumentException.class, () -> RandomSampleAp.estimate(s, new boolean[60], 1));
  }

  @Test
  void theAnswerErrorFitRecoversTheFloorAndCeilingOfExactAnswers() {
    // 200 clips at each score -6..6 whose "yes" answers are exactly round(200 q(s)), with
    // q(s) = 0.1 + (1 - 0.1 - 0.05) sigmoid(s): the maximum likelihood is there, up to rounding.
    int levels = 13;
    int per = 200;
    double[] s = new double[levels * per];
    boolean[] y = new boolean[levels * per];
    for (int l = 0; l < levels; l++) {
      double score = l - 6;
      long yes = Math.round(per * (0.1 + 0.85 / (1 + Math.exp(-score))));
      for (int i = 0; i < per; i++) {
        s[l * per + i] = score;
        y[l * per + i] = i < yes;
      }
    }
    AnswerError.Estimate e = AnswerError.estimate(s, y, 3);
    assertEquals(0.10, e.fit().falseYes(), 0.01, e.fit().toString());
    assertEquals(0.05, e.fit().falseNo(), 0.01, e.fit().toString());
    assertEquals(1, e.fit().a(), 0.1, e.fit().toString());
    assertEquals(0, e.fit().b(), 0.1, e.fit().toString());
    assertTrue(e.falseYes().lo() < 0.1 && e.falseYes().hi() > 0.1, e.falseYes().toString());
    // observed 20 % "yes" is (0.2 - 0.1) / (1 - 0.1 - 0.05) truly "yes" (at the fitted rates)
    double e0 = e.fit().falseYes();
    double e1 = e.fit().falseNo();
    assertEquals((0.2 - e0) / (1 - e0 - e1), e.correct(new Interval(0.2, 0.2, 0.2)).value(), 1e-12);
    // the two lowest levels hold 20 + 21 "yes": 41, enough to fit; the lowest alone (20) is not
    assertTrue(AnswerError.enoughAnswers(java.util.Arrays.copyOf(y, 2 * per)));
    AnswerError.Fit few =
        AnswerError.estimate(java.util.Arrays.copyOf(s, per), java.util.Arrays.copyOf(y, per), 3)
            .fit();
    assertTrue(
        !few.falseYesFitted() && few.falseYes() == 0 && !few.falseNoFitted(), few.toString());
  }

  @Test
  void theRandomFeedsLowerHalfAloneBoundsTheFalseYesRate() {
    // A rare label's loop: 20 clips from the top of its feeds, all scored above the corpus's
    // median, and 20 random-feed clips, 10 of them below it (1 answered "yes"). Ten answers bound
    // the rate loosely, as much as they allow; unbounded, it was 0 for certain.
    double[] s = new double[40];
    boolean[] y = new boolean[40];
    boolean[] random = new boolean[40];
    for (int i = 0; i < 40; i++) {
      random[i] = i >= 20;
      s[i] = random[i] ? -3 + 0.2 * (i - 20) : 3 + 0.01 * i;
      y[i] = i < 8 || i == 20 || i == 35;
    }
    int[] rows = java.util.stream.IntStream.range(0, 40).toArray();
    AnswerError.Estimate fitted = AnswerError.estimate(s, y, 3);
    AnswerError.Estimate bounded =
        FalseYesBound.apply(fitted, new CorpusEstimates.LabelledClips(rows, y, s, random));
    assertTrue(bounded.falseYesBounded() && bounded.boundingAnswers() == 10, bounded.toString());
    assertEquals(0.1, bounded.fit().falseYes(), 1e-12);
    assertEquals(0, bounded.falseYes().lo());
    assertEquals(Wilson.of(1, 10).hi(), bounded.falseYes().hi(), 1e-12);
  }

  @Test
  void tooFewYesAnswersBoundTheFalseYesRateByTheLowScoredClipsAnswers() {
    // 30 answers, 3 "yes": too few to fit. The last 10 came from the random feed: 4 scored about
    // -3,
    // 6 at 2, so the corpus's median score is put at 2; the 24 clips scored below it hold 2 "yes".
    double[] s = new double[30];
    boolean[] y = new boolean[30];
    boolean[] random = new boolean[30];
    for (int i = 0; i < 30; i++) {
      s[i] = i < 24 ? -3 - 0.01 * i : 2;
      y[i] = i == 0 || i == 1 || i == 29;
      random[i] = i >= 20;
    }
    int[] rows = java.util.stream.IntStream.range(0, 30).toArray();
    AnswerError.Estimate fitted = AnswerError.estimate(s, y, 3);
    assertTrue(!fitted.fit().falseYesFitted() && !fitted.falseYesBounded(), fitted.toString());
    AnswerError.Estimate bounded =
        FalseYesBound.apply(fitted, new CorpusEstimates.LabelledClips(rows, y, s, random));
    assertTrue(bounded.falseYesBounded() && bounded.boundingAnswers() == 24, bounded.toString());
    assertEquals(2.0 / 24, bounded.fit().falseYes(), 1e-12);
    // from 0 (nothing shows a mistake) to the Wilson upper end of 2/24
    assertEquals(0, bounded.falseYes().lo());
    assertEquals(Wilson.of(2, 24).hi(), bounded.falseYes().hi(), 1e-12);
    // a 15 % share of "yes" answers is 15 % truly "yes" if none was a mistake, (0.15 - hi) / (1 -
    // hi)
    // if as many as the bound allows were, and (0.15 - 1/12) / (1 - 1/12) at the value
    Interval corrected = bounded.correct(new Interval(0.15, 0.15, 0.15));
    double hi = Wilson.of(2, 24).hi();
    assertEquals((0.15 - 1.0 / 12) / (1 - 1.0 / 12), corrected.value(), 1e-12);
    assertEquals(Math.max(0, (0.15 - hi) / (1 - hi)), corrected.lo(), 1e-12);
    assertEquals(0.15, corrected.hi(), 1e-12);
    // too few random-feed clips to place the median, or too few answers below it: no bound
    boolean[] fewRandom = new boolean[30];
    java.util.Arrays.fill(fewRandom, 21, 30, true);
    assertTrue(
        !FalseYesBound.apply(fitted, new CorpusEstimates.LabelledClips(rows, y, s, fewRandom))
            .falseYesBounded());
    double[] lowRandom = s.clone();
    java.util.Arrays.fill(lowRandom, 20, 30, -9);
    assertTrue(
        !FalseYesBound.apply(fitted, new CorpusEstimates.LabelledClips(rows, y, lowRandom, random))
            .falseYesBounded());
  }
}

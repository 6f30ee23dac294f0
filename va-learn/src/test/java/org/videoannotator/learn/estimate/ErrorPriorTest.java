package org.videoannotator.learn.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ErrorPriorTest {
  private static ErrorPrior.LabelRates rates(double e0, double lo, double hi) {
    return new ErrorPrior.LabelRates(new Interval(e0, lo, hi), null);
  }

  @Test
  void labelsThatAgreePoolIntoAStrongPriorAndLabelsThatDisagreeIntoAWeakOne() {
    assertNull(ErrorPrior.pool(List.of(rates(0.1, 0.05, 0.15), rates(0.1, 0.05, 0.15))));
    ErrorPrior agree =
        ErrorPrior.pool(
            List.of(rates(0.08, 0.03, 0.14), rates(0.12, 0.06, 0.18), rates(0.10, 0.05, 0.16)));
    assertEquals(0.10, agree.falseYes(), 0.005, agree.toString());
    // each label alone is worth ~0.1 x 0.9 / (0.03^2) = 100 answers; three that agree, more
    assertTrue(agree.falseYesWeight() > 150, agree.toString());
    assertEquals(0, agree.falseNoWeight(), "no label fitted a false-no rate");
    assertEquals(3, agree.labels());
    // the same intervals around rates far apart: the spread between labels weakens the prior
    ErrorPrior disagree =
        ErrorPrior.pool(
            List.of(rates(0.0, 0.0, 0.06), rates(0.2, 0.14, 0.26), rates(0.4, 0.34, 0.46)));
    assertTrue(disagree.falseYesWeight() < 10, disagree.toString());
    assertEquals(0.2, disagree.falseYes(), 0.02, disagree.toString());
  }

  @Test
  void aPriorDrawsARareLabelsFalseYesRateFromItsOwnTowardsTheOtherLabels() {
    // 200 answers to a rare label under 10 % noise, scores -4..4: few "yes" truths, so the own
    // fit of the false-"yes" rate rests on a few dozen low-scored clips
    SplittableRandom random = new SplittableRandom(7);
    double[] s = new double[200];
    boolean[] y = new boolean[200];
    for (int i = 0; i < s.length; i++) {
      s[i] = -4 + 8.0 * i / s.length;
      boolean truth = random.nextDouble() < 1 / (1 + Math.exp(-2 * (s[i] - 2)));
      y[i] = random.nextDouble() < 0.1 ? !truth : truth;
    }
    AnswerError.Estimate own = AnswerError.estimate(s, y, 3);
    double previous = own.fit().falseYes();
    for (double weight : new double[] {20, 200, 2000}) {
      AnswerError.Estimate drawn =
          AnswerError.estimate(s, y, new ErrorPrior(0.3, weight, 0, 0, 5), 3);
      double e0 = drawn.fit().falseYes();
      assertTrue(drawn.fit().falseYesFitted(), drawn.toString());
      // towards the prior's 0.3, the more the heavier it is, never past it
      assertTrue(e0 > previous && e0 <= 0.3 + 1e-9, weight + ": " + e0 + " after " + previous);
      assertTrue(drawn.falseYes().lo() <= e0 && e0 <= drawn.falseYes().hi(), drawn.toString());
      previous = e0;
    }
    assertEquals(0.3, previous, 0.02, "2000 pseudo-answers outweigh 200 answers");
    // no prior: exactly the label's own estimate
    assertEquals(own.fit(), AnswerError.estimate(s, y, null, 3).fit());
  }
}

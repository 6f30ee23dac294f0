package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The line search takes MINPACK-2 dcsrch's trial steps, as scipy's L-BFGS-B calls it (ftol 1e-3,
 * gtol 0.9, xtol 0.1, steps in [0, 1e10]). Expected trials from scipy 1.10.1's own dcsrch ({@code
 * scipy.optimize.minpack2.dcsrch}) on {@code f(x) = exp(x) - 5x} from 0 along {@code d = 4}:
 * extrapolation, bracketing with cubic steps, and a first step that is accepted at once.
 */
class WolfeLineSearchTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "10.0; 10.0 3.245614035087721 0.9834724101164506 0.318682006987237",
        "0.01; 0.01 0.05 0.21000000000000002",
        "1.0; 1.0 0.31901999396025293"
      })
  void takesTheTrialStepsOfScipysDcsrch(double first, String expected) {
    List<Double> trials = new ArrayList<>();
    LbfgsMinimizer.Objective f =
        (x, g) -> {
          trials.add(x[0] / 4);
          g[0] = Math.exp(x[0]) - 5;
          return Math.exp(x[0]) - 5 * x[0];
        };
    double[] x = {0};
    double[] d = {4};
    double[] xNew = new double[1];
    double[] gNew = new double[1];
    WolfeLineSearch search = new WolfeLineSearch(1);
    search.search(f, null, x, 1.0, -16.0, d, first, xNew, gNew);
    List<Double> want = new ArrayList<>();
    for (String t : expected.split(" ")) {
      want.add(Double.parseDouble(t));
    }
    assertEquals(want.size(), trials.size(), "trials " + trials);
    for (int i = 0; i < want.size(); i++) {
      assertEquals(want.get(i), trials.get(i), 1e-15 * want.get(i), "trial " + i + " of " + trials);
    }
    assertEquals(want.get(want.size() - 1), search.acceptedStep(), 0.0);
  }
}

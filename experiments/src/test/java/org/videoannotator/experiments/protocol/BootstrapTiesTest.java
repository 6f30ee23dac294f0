package org.videoannotator.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.videoannotator.experiments.protocol.ReferenceGemv.Kernel;
import org.videoannotator.learn.Metrics;

class BootstrapTiesTest {
  // validation rows: 0 and 1 positive, 2 and 3 negative; the bootstrap holds row 0 twice
  private static final double[] SCORES = {0.5, 0.9, 0.7, 0.1};
  private static final int[] ROWS = {0, 1, 2, 0, 3};
  private static final boolean[] Y = {true, true, false, true, false};

  /** The four-row kernel scores a row as listed; the single-row kernel one ulp lower. */
  private static double score(int row, Kernel kernel) {
    return kernel == Kernel.SINGLE ? Math.nextDown(SCORES[row]) : SCORES[row];
  }

  @Test
  void copiesInOneKernelAreOneThreshold() {
    Kernel[] kernels = {
      Kernel.FOUR_ROWS, Kernel.FOUR_ROWS, Kernel.FOUR_ROWS, Kernel.FOUR_ROWS, Kernel.SINGLE
    };
    double tied = Metrics.averagePrecision(Y, new double[] {0.5, 0.9, 0.7, 0.5, 0.1});
    assertEquals(tied, BootstrapTies.averagePrecision(ROWS, Y, kernels, BootstrapTiesTest::score));
  }

  /**
   * The second copy of row 0 in the single-row kernel (one ulp lower) or the pair kernel (equal).
   */
  @ParameterizedTest
  @EnumSource(
      value = Kernel.class,
      names = {"SINGLE", "PAIR"})
  void copiesInTwoKernelsCountTiedAndApartHalfEachEvenWhenTheKernelsAgree(Kernel second) {
    Kernel[] kernels = {
      Kernel.FOUR_ROWS, Kernel.FOUR_ROWS, Kernel.FOUR_ROWS, second, Kernel.FOUR_ROWS
    };
    double tied = Metrics.averagePrecision(Y, new double[] {0.5, 0.9, 0.7, 0.5, 0.1});
    double apart =
        Metrics.averagePrecision(Y, new double[] {0.5, 0.9, 0.7, Math.nextDown(0.5), 0.1});
    assertNotEquals(tied, apart);
    assertEquals(
        (tied + apart) / 2,
        BootstrapTies.averagePrecision(ROWS, Y, kernels, BootstrapTiesTest::score),
        1e-15);
  }
}

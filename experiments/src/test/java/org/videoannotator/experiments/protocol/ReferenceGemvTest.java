package org.videoannotator.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.videoannotator.experiments.protocol.ReferenceGemv.Kernel;

class ReferenceGemvTest {
  private static final int DIM = 128;

  /** A row and coefficients whose three kernel sums all round differently. */
  private static float[] row() {
    float[] a = new float[DIM];
    for (int j = 0; j < DIM; j++) {
      a[j] = (float) (((j * 37) % 11 - 5) * 0.173 + 0.01 * j);
    }
    return a;
  }

  private static double[] coefficients() {
    double[] w = new double[DIM];
    for (int j = 0; j < DIM; j++) {
      w[j] = ((j * 13) % 17 - 8) * 0.0625 + j * 0.001 * 9;
    }
    return w;
  }

  private static float[][] copies(int n) {
    float[][] rows = new float[n][];
    Arrays.fill(rows, row());
    return rows;
  }

  @Test
  void eightyOneRowsOnTwoThreadsLeaveRowFortyToTheSingleRowKernel() {
    Kernel[] k = ReferenceGemv.kernels(81, DIM);
    assertEquals(Kernel.SINGLE, k[40]);
    for (int i = 0; i < 81; i++) {
      if (i != 40) {
        assertEquals(Kernel.FOUR_ROWS, k[i], "row " + i);
      }
    }
  }

  @Test
  void aThreadOfFortyThreeRowsEndsWithAPairAndASingleRow() {
    Kernel[] k = ReferenceGemv.kernels(86, DIM);
    assertEquals(Kernel.PAIR, k[40]);
    assertEquals(Kernel.PAIR, k[41]);
    assertEquals(Kernel.SINGLE, k[42]);
    assertEquals(Kernel.FOUR_ROWS, k[43]);
  }

  @Test
  void smallProductsRunOnOneThread() {
    // 71 x 128 = 9,088 products, under OpenBLAS's 9,216: one thread, 17 fours, a pair, a single
    Kernel[] k = ReferenceGemv.kernels(71, DIM);
    assertEquals(Kernel.FOUR_ROWS, k[40]);
    assertEquals(Kernel.PAIR, k[68]);
    assertEquals(Kernel.SINGLE, k[70]);
  }

  /**
   * The bits numpy 1.24 gives for {@code X @ w} with OpenBLAS 0.3.21 (Cooperlake kernels, 2
   * threads) on 81 and 86 copies of the row, at positions 0 and 40: three different roundings.
   */
  @Test
  void copiesOfOneRowGetNumpysBitsAtEachPosition() {
    double[] z81 = ReferenceGemv.dots(copies(81), coefficients());
    double[] z86 = ReferenceGemv.dots(copies(86), coefficients());
    assertEquals(Double.parseDouble("0x1.ef2478d66f429p+5"), z81[0]);
    assertEquals(Double.parseDouble("0x1.ef2478d66f42ap+5"), z81[40]);
    assertEquals(Double.parseDouble("0x1.ef2478d66f428p+5"), z86[40]);
    assertEquals(z81[40], z86[42]);
  }

  @Test
  void lengthsTheKernelsDoNotTakeFallBackToAPlainSum() {
    float[][] rows = {{1f, 2f, 3f}};
    assertArrayEquals(
        new double[] {1 * 0.5 + 2 * 0.25 + 3 * 0.125},
        ReferenceGemv.dots(rows, new double[] {0.5, 0.25, 0.125}));
  }
}

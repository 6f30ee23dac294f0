package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticTermsTest {
  @Test
  void expAndLog1pStayWithinAFewUlpsOfStrictMath() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 200_000; i++) {
      double x = -Math.abs(random.nextDouble() * (i % 2 == 0 ? 40 : 700));
      double exact = StrictMath.exp(x);
      double ours = LogisticTerms.expNonPositive(x);
      assertTrue(Math.abs(ours - exact) <= 4 * Math.ulp(exact), "exp(" + x + ") = " + ours + " vs " + exact);
      double e = random.nextDouble();
      double log = StrictMath.log1p(e);
      assertTrue(Math.abs(LogisticTerms.log1pUnit(e) - log) <= 4 * Math.ulp(log), "log1p(" + e + ")");
    }
    assertEquals(1.0, LogisticTerms.expNonPositive(0));
    assertEquals(0.0, LogisticTerms.expNonPositive(-1000));
    assertEquals(0.0, LogisticTerms.log1pUnit(0));
    assertEquals(1e-300, LogisticTerms.log1pUnit(1e-300), 1e-315, "no cancellation for tiny e");
  }

  @Test
  void termsAreTheLossAndItsDerivative() {
    double[] margins = {-30, -2.5, -1e-9, 0, 1e-9, 0.7, 12, 40};
    double[] factor = new double[margins.length];
    double loss = LogisticTerms.terms(margins, factor, margins.length);
    double expected = 0;
    for (int i = 0; i < margins.length; i++) {
      double m = margins[i];
      expected += m >= 0 ? StrictMath.log1p(StrictMath.exp(-m)) : -m + StrictMath.log1p(StrictMath.exp(m));
      assertEquals(-1 / (1 + StrictMath.exp(m)), factor[i], 1e-15, "derivative at " + m);
    }
    assertEquals(expected, loss, 1e-12);
  }

  @Test
  void groupedKernelsGiveTheBitsOfOneRowAtATime() {
    for (DotProducts kernels : List.of(DotProducts.best(), DotProducts.scalar())) {
      for (int dim : new int[] {512, 37}) {
        checkGrouping(kernels, dim);
      }
    }
  }

  private static void checkGrouping(DotProducts kernels, int dim) {
    SplittableRandom random = new SplittableRandom(5 + dim);
    int rows = 19;
    float[] flat = new float[rows * dim];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = (float) random.nextGaussian();
    }
    float[] w = new float[dim];
    double[] wd = new double[dim];
    for (int j = 0; j < dim; j++) {
      w[j] = (float) random.nextGaussian();
      wd[j] = random.nextGaussian();
    }
    float[] alpha = new float[rows];
    for (int r = 0; r < rows; r++) {
      alpha[r] = (float) random.nextGaussian();
    }
    String where = kernels.name() + ", dim " + dim;
    try (FloatRows x = FloatRows.of(flat, dim)) {
      double[] grouped = new double[rows];
      kernels.dots(x, 0, rows, wd, grouped);
      double[] floatGrouped = new double[rows];
      kernels.dotsFloat(x, 0, rows, w, floatGrouped);
      float[] y1 = w.clone();
      float[] y2 = w.clone();
      kernels.axpys(alpha, x, 0, rows, y2);
      for (int r = 0; r < rows; r++) {
        double[] one = new double[1];
        kernels.dots(x, r, 1, wd, one);
        assertEquals(one[0], grouped[r], 0.0, where + ": row " + r + " alone and in a group");
        kernels.dotsFloat(x, r, 1, w, one);
        assertEquals(one[0], floatGrouped[r], 0.0, where + ": float row " + r + " alone and in a group");
        kernels.axpys(new float[] {alpha[r]}, x, r, 1, y1);
        double exact = 0;
        for (int j = 0; j < dim; j++) {
          exact += (double) flat[r * dim + j] * wd[j];
        }
        assertEquals(exact, grouped[r], 1e-12 * Math.sqrt(dim), where + ": double sums");
        double exactFloat = 0;
        for (int j = 0; j < dim; j++) {
          exactFloat += (double) flat[r * dim + j] * w[j];
        }
        assertEquals(exactFloat, floatGrouped[r], 1e-5 * Math.sqrt(dim), where + ": float products stay close");
      }
      assertArrayEquals(y1, y2, where + ": axpys row by row");
    }
  }

  @Test
  void rowsStartOnCacheLines() {
    float[] flat = new float[5 * 37];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = i;
    }
    try (FloatRows x = FloatRows.select(flat, 37, new int[] {4, 0, 2})) {
      assertEquals(3, x.rows());
      for (int r = 0; r < x.rows(); r++) {
        assertEquals(0, (x.segment().address() + x.offset(r)) % FloatRows.ALIGNMENT, "row " + r);
      }
      assertEquals(4 * 37 + 5, x.get(0, 5));
      assertEquals(36, x.get(1, 36));
      assertEquals(2 * 37, x.get(2, 0));
    }
  }

  @Test
  void simdTermsAreTheScalarTermsRowByRow() {
    SplittableRandom random = new SplittableRandom(9);
    int n = 1003;
    double[] margin = new double[n];
    for (int i = 0; i < n; i++) {
      margin[i] = random.nextGaussian() * (i % 3 == 0 ? 40 : 3);
    }
    margin[0] = 0;
    margin[1] = -800;
    margin[2] = 800;
    double[] scalar = new double[n];
    double[] simd = new double[n];
    double expected = LogisticTerms.terms(margin, scalar, n);
    double loss = DotProducts.best().logisticTerms(margin, simd, n);
    assertArrayEquals(scalar, simd, "each row's derivative, bit for bit");
    assertEquals(expected, loss, 1e-12 * expected, "the loss, summed in another order");
  }
}

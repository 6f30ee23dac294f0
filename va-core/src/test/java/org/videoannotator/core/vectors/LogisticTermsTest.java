package org.videoannotator.core.vectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
      assertTrue(
          Math.abs(ours - exact) <= 4 * Math.ulp(exact),
          "exp(" + x + ") = " + ours + " vs " + exact);
      double e = random.nextDouble();
      double log = StrictMath.log1p(e);
      assertTrue(
          Math.abs(LogisticTerms.log1pUnit(e) - log) <= 4 * Math.ulp(log), "log1p(" + e + ")");
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
      expected +=
          m >= 0 ? StrictMath.log1p(StrictMath.exp(-m)) : -m + StrictMath.log1p(StrictMath.exp(m));
      assertEquals(-1 / (1 + StrictMath.exp(m)), factor[i], 1e-15, "derivative at " + m);
    }
    assertEquals(expected, loss, 1e-12);
  }

  @Test
  void groupedKernelsGiveTheBitsOfOneRowAtATime() {
    DotProducts simd = DotProducts.best();
    SplittableRandom random = new SplittableRandom(5);
    int dim = 512;
    int rows = 19;
    float[] x = new float[rows * dim];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    float[] w = new float[dim];
    double[] wd = new double[dim];
    for (int j = 0; j < dim; j++) {
      w[j] = (float) random.nextGaussian();
      wd[j] = random.nextGaussian();
    }
    int[] offsets = new int[rows];
    float[] alpha = new float[rows];
    double[] single = new double[rows];
    for (int r = 0; r < rows; r++) {
      offsets[r] = ((r * 7) % rows) * dim;
      alpha[r] = (float) random.nextGaussian();
      single[r] = simd.dot(x, offsets[r], wd, dim);
    }
    double[] grouped = new double[rows];
    simd.dots(x, offsets, rows, wd, dim, grouped);
    assertArrayEquals(single, grouped);
    float[] y1 = w.clone();
    float[] y2 = w.clone();
    for (int r = 0; r < rows; r++) {
      simd.axpy(alpha[r], x, offsets[r], y1, dim);
    }
    simd.axpys(alpha, x, offsets, rows, y2, dim);
    assertArrayEquals(y1, y2);
    double[] d1 = wd.clone();
    double[] d2 = wd.clone();
    double[] alphaDouble = new double[rows];
    for (int r = 0; r < rows; r++) {
      alphaDouble[r] = random.nextGaussian();
      simd.axpy(alphaDouble[r], x, offsets[r], d1, dim);
    }
    simd.axpys(alphaDouble, x, offsets, rows, d2, dim);
    assertArrayEquals(d1, d2, "double axpys equals row-by-row axpy bit for bit");

    double[] floatGrouped = new double[rows];
    simd.dotsFloat(x, offsets, rows, w, dim, floatGrouped);
    for (int r = 0; r < rows; r++) {
      double[] one = new double[1];
      simd.dotsFloat(x, new int[] {offsets[r]}, 1, w, dim, one);
      assertEquals(one[0], floatGrouped[r], 0.0, "row " + r + " alone and in a group");
      double exact = 0;
      for (int j = 0; j < dim; j++) {
        exact += (double) x[offsets[r] + j] * w[j];
      }
      assertEquals(exact, floatGrouped[r], 1e-5 * Math.sqrt(dim), "float products stay close");
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

package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoannotator.core.vectors.DotProducts;
import org.videoannotator.core.vectors.FloatMatrix;

class CorpusScorerTest {
  @TempDir Path dir;

  private static float[] randomFloats(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) r.nextGaussian();
    }
    return out;
  }

  private static LinearModel model(float[] w, double bias) {
    return new LinearModel(w, bias, 1.0, null, null, 0, 0, 1, 1, "test", "now");
  }

  @Test
  void simdAndScalarAgreeWithDirectDotsOnHeapAndMappedMatrices() throws IOException {
    int rows = 3001;
    int dim = 77; // not a multiple of any vector length: exercises the tails
    float[] data = randomFloats(rows * dim, 1);
    LinearModel model = model(randomFloats(dim, 2), 0.25);
    Path file = dir.resolve("m.f32");
    ByteBuffer buf = ByteBuffer.allocate(data.length * 4 + 16).order(ByteOrder.BIG_ENDIAN);
    buf.position(16);
    buf.asFloatBuffer().put(data);
    Files.write(file, buf.array());
    try (FloatMatrix heap = FloatMatrix.ofHeap(data, rows, dim);
        FloatMatrix mapped = FloatMatrix.map(file, 16, rows, dim, ByteOrder.BIG_ENDIAN)) {
      for (DotProducts dots : new DotProducts[] {DotProducts.best(), DotProducts.scalar()}) {
        for (FloatMatrix m : new FloatMatrix[] {heap, mapped}) {
          float[] logits = new CorpusScorer(dots, 2).logits(m, model);
          float[] probs = new CorpusScorer(dots, 2).probabilities(m, model);
          for (int r = 0; r < rows; r += 97) {
            float[] row = heap.row(r);
            assertEquals(model.logit(row), logits[r], 1e-4, dots.name() + " " + m + " row " + r);
            assertEquals(model.probability(row), probs[r], 1e-6);
          }
          double sum = 0;
          for (float v : data) {
            sum += v;
          }
          assertEquals(sum, new CorpusScorer(dots, 2).streamSum(m), 1e-2);
        }
      }
    }
  }

  /**
   * Rows read in place at a stride (as a Parquet page holds binary values: a 4-byte length, then
   * the row's little-endian floats) score bit for bit as the packed matrix of the same rows.
   */
  @Test
  void stridedRowsScoreBitForBitAsTheMatrix() {
    int rows = 501;
    int dim = 77;
    float[] data = randomFloats(rows * dim, 3);
    LinearModel model = model(randomFloats(dim, 4), -0.5);
    long stride = Integer.BYTES + (long) dim * Float.BYTES;
    ByteBuffer page = ByteBuffer.allocate((int) (rows * stride)).order(ByteOrder.LITTLE_ENDIAN);
    for (int r = 0; r < rows; r++) {
      page.putInt(dim * Float.BYTES);
      for (int j = 0; j < dim; j++) {
        page.putFloat(data[r * dim + j]);
      }
    }
    MemorySegment segment = MemorySegment.ofArray(page.array());
    ValueLayout.OfFloat layout =
        ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    for (DotProducts dots : new DotProducts[] {DotProducts.best(), DotProducts.scalar()}) {
      CorpusScorer scorer = new CorpusScorer(dots, 2);
      float[] expected = scorer.probabilities(FloatMatrix.ofHeap(data, rows, dim), model);
      float[] out = new float[rows + 3];
      scorer.probabilities(segment, Integer.BYTES, stride, layout, model, out, 3, rows);
      for (int r = 0; r < rows; r++) {
        assertEquals(
            Float.floatToRawIntBits(expected[r]),
            Float.floatToRawIntBits(out[3 + r]),
            dots.name() + " row " + r);
      }
      assertThrows(
          IllegalArgumentException.class,
          () -> scorer.probabilities(segment, 0, 8, layout, model, out, 0, 1));
    }
  }

  @Test
  void refusesAModelOfAnotherDimension() {
    FloatMatrix m = FloatMatrix.ofHeap(new float[12], 3, 4);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CorpusScorer().logits(m, model(new float[5], 0)));
    assertTrue(e.getMessage().contains("dimension 5"), e.getMessage());
  }
}

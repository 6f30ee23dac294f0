package org.videoannotator.learn;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.videoannotator.core.vectors.DotProducts;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * Scores every row of a {@link FloatMatrix} (heap or memory-mapped) with a {@link LinearModel} in
 * one pass: SIMD dot products from {@link DotProducts#best()}, rows split across threads.
 * Thread-safe.
 */
public final class CorpusScorer {
  private final DotProducts dots;
  private final int threads;

  /** SIMD when available, all processors. */
  public CorpusScorer() {
    this(DotProducts.best(), ParallelRows.defaultThreads());
  }

  public CorpusScorer(DotProducts dots, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.dots = dots;
    this.threads = threads;
  }

  /** {@code w.x + bias} for every row. */
  public float[] logits(FloatMatrix matrix, LinearModel model) {
    return logits(matrix, model.weights(), (float) model.bias());
  }

  /** {@code w.x + bias} for every row, for any weight vector. */
  public float[] logits(FloatMatrix matrix, float[] weights, float bias) {
    if (weights.length != matrix.dim()) {
      throw new IllegalArgumentException(
          "model of dimension " + weights.length + " cannot score " + matrix);
    }
    float[] out = new float[matrix.rows()];
    long rowBytes = (long) matrix.dim() * Float.BYTES;
    logits(matrix.segment(), 0, rowBytes, matrix.layout(), weights, bias, out, 0, out.length);
    return out;
  }

  /**
   * The positive-class probability of {@code rows} rows read in place at a fixed stride, the first
   * at {@code offset}, into {@code out[at..at + rows)}: rows that are not packed back to back, such
   * as a Parquet page's binary values (each after its 4-byte length). The same dot products in the
   * same order as {@link #probabilities(FloatMatrix, LinearModel)}, so the same floats.
   */
  public void probabilities(
      MemorySegment segment,
      long offset,
      long stride,
      ValueLayout.OfFloat layout,
      LinearModel model,
      float[] out,
      int at,
      int rows) {
    if (stride < (long) model.dim() * Float.BYTES) {
      throw new IllegalArgumentException(
          "rows of " + stride + " bytes cannot hold a model of dimension " + model.dim());
    }
    logits(segment, offset, stride, layout, model.weights(), (float) model.bias(), out, at, rows);
    sigmoid(out, at, rows);
  }

  private void logits(
      MemorySegment segment,
      long offset,
      long stride,
      ValueLayout.OfFloat layout,
      float[] weights,
      float bias,
      float[] out,
      int at,
      int rows) {
    ParallelRows.forEach(
        rows,
        threads,
        (from, to) -> {
          for (int r = from; r < to; r++) {
            out[at + r] = dots.dot(segment, offset + r * stride, layout, weights) + bias;
          }
        });
  }

  /** The positive-class probability of every row. */
  public float[] probabilities(FloatMatrix matrix, LinearModel model) {
    float[] out = logits(matrix, model);
    sigmoid(out, 0, out.length);
    return out;
  }

  private void sigmoid(float[] out, int at, int rows) {
    ParallelRows.forEach(
        rows,
        threads,
        (from, to) -> {
          for (int r = at + from; r < at + to; r++) {
            out[r] = (float) LogisticLoss.sigmoid(out[r]);
          }
        });
  }

  /**
   * The streaming baseline: the sum of every float of the matrix, read with the same threads and
   * the same instruction set. Scoring should take at most about this long.
   */
  public double streamSum(FloatMatrix matrix) {
    double[] partial = new double[threads + 1];
    MemorySegment segment = matrix.segment();
    ValueLayout.OfFloat layout = matrix.layout();
    int dim = matrix.dim();
    long rowBytes = (long) dim * Float.BYTES;
    int rows = matrix.rows();
    ParallelRows.forEach(
        rows,
        threads,
        (from, to) -> {
          double s = 0;
          for (int r = from; r < to; r++) {
            s += dots.sum(segment, r * rowBytes, layout, dim);
          }
          synchronized (partial) {
            partial[0] += s;
          }
        });
    return partial[0];
  }

  public DotProducts dots() {
    return dots;
  }
}

package org.videoannotator.index;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import org.videoannotator.core.vectors.DotProducts;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * An int8 copy of a corpus's vectors (one byte per component, a quarter of the floats) for a
 * whole-corpus scan: every row is scored, so no query can be led astray the way a graph search is
 * by a query far from the data (text vectors, across the modality gap). Scores are approximate
 * (per-dimension symmetric scales, values beyond a scale clamped); the caller re-scores the best
 * candidates exactly on the float vectors. Held off the heap, in chunks, and extended as the corpus
 * grows; rebuilt from scratch (new scales) when the corpus has more than doubled since the scales
 * were chosen, so a corpus that started tiny does not keep scales fitted to a few rows. A replaced
 * copy is freed when the corpus closes (a scan may still read it), so a corpus grown by doublings
 * holds at most twice its final copy.
 *
 * <p>Threads: {@link #cover} is serialised; scans may run concurrently with it and each other (a
 * scan only reads rows covered when it started).
 */
final class QuantizedRows implements AutoCloseable {
  private static final DotProducts DOTS = DotProducts.best();
  private static final int CHUNK_ROWS = 1 << 15;

  /** Rows below which one thread scans alone (splitting costs more than it saves). */
  private static final int ROWS_PER_WORKER = 16_384;

  private static final ForkJoinPool WORKERS =
      new ForkJoinPool(Runtime.getRuntime().availableProcessors());

  private final int dim;
  private final Arena arena = Arena.ofShared();
  private volatile State state;

  /** Scales and chunks of one quantisation; rows grow, the scales never change. */
  private record State(float[] scales, List<MemorySegment> chunks, int rows) {}

  QuantizedRows(int dim) {
    this.dim = dim;
    this.state = new State(new float[dim], List.of(), 0);
  }

  int rows() {
    return state.rows();
  }

  /**
   * Quantises the rows of {@code matrix} not yet covered (all of them, with new scales, when it
   * more than doubled).
   */
  synchronized void cover(FloatMatrix matrix) {
    State current = state;
    if (matrix.rows() <= current.rows()) {
      return;
    }
    if (current.rows() == 0 || matrix.rows() > 2L * current.rows()) {
      current = new State(scalesOf(matrix), List.of(), 0);
    }
    List<MemorySegment> chunks = new ArrayList<>(current.chunks());
    float[] inverse = new float[dim];
    for (int i = 0; i < dim; i++) {
      inverse[i] = current.scales()[i] == 0 ? 0 : 1 / current.scales()[i];
    }
    float[] row = new float[dim];
    for (int r = current.rows(); r < matrix.rows(); r++) {
      int chunk = r / CHUNK_ROWS;
      if (chunk == chunks.size()) {
        chunks.add(arena.allocate((long) CHUNK_ROWS * dim));
      }
      matrix.copyRow(r, row);
      long base = (long) (r % CHUNK_ROWS) * dim;
      MemorySegment codes = chunks.get(chunk);
      for (int i = 0; i < dim; i++) {
        long code = Math.round(row[i] * inverse[i]);
        codes.set(ValueLayout.JAVA_BYTE, base + i, (byte) Math.max(-127, Math.min(127, code)));
      }
    }
    state = new State(current.scales(), List.copyOf(chunks), matrix.rows());
  }

  /**
   * Per dimension, the largest magnitude over the rows divided by 127 (so codes span -127..127).
   */
  private float[] scalesOf(FloatMatrix matrix) {
    float[] max = new float[dim];
    float[] row = new float[dim];
    for (int r = 0; r < matrix.rows(); r++) {
      matrix.copyRow(r, row);
      for (int i = 0; i < dim; i++) {
        max[i] = Math.max(max[i], Math.abs(row[i]));
      }
    }
    for (int i = 0; i < dim; i++) {
      max[i] /= 127;
    }
    return max;
  }

  /**
   * The {@code n} rows below {@code rowLimit} with the largest approximate dot product with {@code
   * query} among those {@code accept} passes (null = all), in no particular order.
   */
  int[] candidates(float[] query, int n, IntPredicate accept, int rowLimit) {
    State s = state;
    int rows = Math.min(rowLimit, s.rows());
    float[] scaled = new float[dim];
    for (int i = 0; i < dim; i++) {
      scaled[i] = query[i] * s.scales()[i];
    }
    int workers = Math.max(1, Math.min(WORKERS.getParallelism(), rows / ROWS_PER_WORKER));
    int per = (rows + workers - 1) / workers;
    List<Future<TopRows>> parts = new ArrayList<>();
    for (int w = 1; w < workers; w++) {
      int from = w * per;
      int to = Math.min(rows, from + per);
      parts.add(WORKERS.submit(() -> scan(s, scaled, n, accept, from, to)));
    }
    TopRows top = scan(s, scaled, n, accept, 0, Math.min(rows, per));
    for (Future<TopRows> part : parts) {
      top.addAll(join(part));
    }
    return top.rows();
  }

  private static TopRows join(Future<TopRows> part) {
    try {
      return part.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scanning", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("scan failed", e.getCause());
    }
  }

  private TopRows scan(State s, float[] scaled, int n, IntPredicate accept, int from, int to) {
    TopRows top = new TopRows(n);
    for (int r = from; r < to; r++) {
      if (accept != null && !accept.test(r)) {
        continue;
      }
      float score =
          DOTS.dotCodes(s.chunks().get(r / CHUNK_ROWS), (long) (r % CHUNK_ROWS) * dim, scaled);
      top.offer(r, score);
    }
    return top;
  }

  @Override
  public synchronized void close() {
    state = new State(new float[dim], List.of(), 0);
    arena.close();
  }
}

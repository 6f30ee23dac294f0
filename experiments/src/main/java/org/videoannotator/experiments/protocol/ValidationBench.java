package org.videoannotator.experiments.protocol;

import java.util.List;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.learn.LabelledSet;
import org.videoannotator.learn.Metrics;
import org.videoannotator.learn.NumpyRandomState;

/**
 * A validation set ready to measure scorers on: its rows in the reference's order (sorted
 * positives, then sorted negatives) and the protocol's bootstraps. Bootstrap 0 is the set itself;
 * bootstrap {@code b >= 1} draws {@code n} rows with replacement with numpy seed {@code b}.
 * Immutable and thread-safe.
 */
public final class ValidationBench {
  /** The protocol's number of bootstraps. */
  public static final int BOOTSTRAPS = 5;

  private final LabelledSet set;
  private final float[][] x;
  private final boolean[] y;
  private final int[][] bootstraps;

  public ValidationBench(LabelledSet set, KeyedMatrix embeddings, int bootstrapCount) {
    if (bootstrapCount < 1) {
      throw new IllegalArgumentException("need at least one bootstrap, got " + bootstrapCount);
    }
    this.set = set;
    List<String> keys = set.orderedKeys();
    this.x = new float[keys.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = embeddings.vector(keys.get(i));
    }
    this.y = set.orderedLabels();
    int n = keys.size();
    this.bootstraps = new int[bootstrapCount][];
    bootstraps[0] = identity(n);
    for (int b = 1; b < bootstrapCount; b++) {
      bootstraps[b] = new NumpyRandomState(b).choice(n, n);
    }
  }

  private static int[] identity(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }

  public LabelledSet set() {
    return set;
  }

  /** Row {@code i}'s embedding (shared: do not modify). */
  public float[] row(int i) {
    return x[i];
  }

  public int size() {
    return y.length;
  }

  /** AP of {@code scores} (one per row, in row order) on every bootstrap; 0 without positives. */
  public Metric averagePrecision(double[] scores) {
    if (scores.length != y.length) {
      throw new IllegalArgumentException(
          scores.length + " scores for a validation set of " + y.length);
    }
    double[] values = new double[bootstraps.length];
    for (int b = 0; b < bootstraps.length; b++) {
      int[] rows = bootstraps[b];
      boolean[] yb = new boolean[rows.length];
      double[] sb = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        yb[i] = y[rows[i]];
        sb[i] = scores[rows[i]];
      }
      values[b] = hasPositive(yb) ? Metrics.averagePrecision(yb, sb) : 0.0;
    }
    return new Metric(values);
  }

  private static boolean hasPositive(boolean[] y) {
    for (boolean v : y) {
      if (v) {
        return true;
      }
    }
    return false;
  }
}

package org.videoannotator.learn.estimate;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.learn.LogisticFit;

/**
 * How much each labelled clip stands for the corpus: the importance weight {@code p_corpus(x) /
 * p_labelled(x)} of covariate shift (Shimodaira 2000), estimated discriminatively (Bickel, Brückner
 * and Scheffer 2007) by a logistic model that tells labelled clips from a uniform sample of the
 * unlabelled ones: {@code weight = exp(-(w.x + b))}, normalised to a mean of 1.
 *
 * <p>Why: the search and the feeds choose clips by their features (text similarity, earlier models'
 * scores), never by their answers, so {@code P(answer | x)} holds on the corpus; but the answer
 * model is fitted on the current model's score alone, and at the same score the chosen clips are
 * "yes" more often than the corpus's (on generated data 65 % against 30 % in one logit bin: the
 * choosers saw what the score misses). Weighted by how unlike a chosen clip the corpus's clips are,
 * the fit reads {@code P(answer | score)} as the corpus has it. Random-feed clips, which look like
 * the corpus, weigh most.
 */
public final class SelectionWeights {
  /** Unlabelled clips sampled to stand for the corpus. */
  static final int SAMPLE = 4000;

  /** A weak penalty: the selection is a few directions (a query, earlier models), not noise. */
  static final double C = 1.0;

  /**
   * No clip stands for more than this many average ones: a deterministic top-k selection makes the
   * ratio unbounded at its edge, and one clip should not carry the fit.
   */
  static final double MAX_WEIGHT = 10;

  private SelectionWeights() {}

  /** Equal weights: no selection model (too few labelled or unlabelled clips). */
  public static double[] none(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1);
    return w;
  }

  /**
   * @param matrix the corpus's vectors
   * @param labelledRows the labelled clips' rows (in the order of the weights returned)
   * @param seed seed of the unlabelled sample
   */
  public static double[] of(FloatMatrix matrix, int[] labelledRows, long seed) {
    int n = matrix.rows();
    BitSet labelled = new BitSet(n);
    for (int r : labelledRows) {
      labelled.set(r);
    }
    int unlabelled = n - labelled.cardinality();
    if (labelledRows.length < 2 || unlabelled < 2) {
      return none(labelledRows.length);
    }
    int[] sample = sampleUnlabelled(labelled, n, Math.min(SAMPLE, unlabelled), seed);
    int[] rows = new int[labelledRows.length + sample.length];
    boolean[] chosen = new boolean[rows.length];
    System.arraycopy(labelledRows, 0, rows, 0, labelledRows.length);
    System.arraycopy(sample, 0, rows, labelledRows.length, sample.length);
    Arrays.fill(chosen, 0, labelledRows.length, true);
    double[] w = LogisticFit.at(matrix, rows, chosen, C);
    int dim = matrix.dim();
    double[] weights = new double[labelledRows.length];
    for (int i = 0; i < weights.length; i++) {
      double z = w[dim];
      for (int j = 0; j < dim; j++) {
        z += matrix.get(labelledRows[i], j) * w[j];
      }
      weights[i] = Math.exp(-Math.max(-50, Math.min(50, z)));
    }
    return capped(weights);
  }

  /** Normalised to a mean of 1 with no weight above {@link #MAX_WEIGHT}. */
  static double[] capped(double[] weights) {
    double[] w = weights.clone();
    for (int round = 0; round < 20; round++) {
      double mean = 0;
      for (double v : w) {
        mean += v;
      }
      mean /= w.length;
      boolean clipped = false;
      for (int i = 0; i < w.length; i++) {
        w[i] /= mean;
        if (w[i] > MAX_WEIGHT) {
          w[i] = MAX_WEIGHT;
          clipped = true;
        }
      }
      if (!clipped) {
        break;
      }
    }
    return w;
  }

  /** {@code k} distinct unlabelled rows, uniformly (rejection: the labelled are few). */
  private static int[] sampleUnlabelled(BitSet labelled, int n, int k, long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5e1ec7L);
    BitSet picked = new BitSet(n);
    int[] out = new int[k];
    int count = 0;
    while (count < k) {
      int r = random.nextInt(n);
      if (!labelled.get(r) && !picked.get(r)) {
        picked.set(r);
        out[count++] = r;
      }
    }
    Arrays.sort(out);
    return out;
  }
}

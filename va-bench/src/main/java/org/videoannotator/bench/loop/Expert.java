package org.videoannotator.bench.loop;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.videoannotator.core.UserException;
import org.videoannotator.core.io.AtomicFiles;
import org.videoannotator.datasets.TruthTable;

/**
 * The simulated expert of one seed: answers from the truth file, against it with probability {@code
 * noise} (the same clip always gets the same answer within a seed, whatever the policy, so policies
 * are compared on the same mistakes), and the seed's hold-out: a fifth of the corpus that is never
 * labelled and on which the truth figures are measured.
 */
final class Expert {
  static final double HOLDOUT_SHARE = 0.2;

  private final TruthTable truth;
  private final Map<String, Integer> rows;
  private final long seed;
  private final double noise;
  private final BitSet holdout;

  Expert(TruthTable truth, Map<String, Integer> rows, long seed, double noise) {
    this.truth = truth;
    this.rows = rows;
    this.seed = seed;
    this.noise = noise;
    this.holdout = holdout(truth.keys().size(), seed);
  }

  /**
   * Writes the hold-out's keys, one a line in truth-file order, so that the figures measured on it
   * can be recomputed without the benchmark.
   */
  void writeHoldout(Path file) {
    StringBuilder out = new StringBuilder();
    for (int i = holdout.nextSetBit(0); i >= 0; i = holdout.nextSetBit(i + 1)) {
      out.append(truth.keys().get(i)).append('\n');
    }
    AtomicFiles.writeText(file, out);
  }

  /** Key to row of the truth file, shared by the experts of every seed. */
  static Map<String, Integer> rowsOf(TruthTable truth) {
    Map<String, Integer> rows = new HashMap<>(truth.keys().size() * 2);
    List<String> keys = truth.keys();
    for (int i = 0; i < keys.size(); i++) {
      rows.put(keys.get(i), i);
    }
    return rows;
  }

  /** Exactly {@code round(0.2 n)} rows, chosen by a seeded partial shuffle. */
  private static BitSet holdout(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
    int size = (int) Math.round(HOLDOUT_SHARE * n);
    BitSet out = new BitSet(n);
    for (int i = 0; i < size; i++) {
      int j = rng.nextInt(i, n);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
      out.set(order[i]);
    }
    return out;
  }

  long seed() {
    return seed;
  }

  TruthTable truth() {
    return truth;
  }

  int row(String key) {
    Integer row = rows.get(key);
    if (row == null) {
      throw new UserException(
          "the server offered clip '"
              + key
              + "', which the truth file does not list; give the truth file of this corpus (--truth)");
    }
    return row;
  }

  boolean isHeldOut(String key) {
    return holdout.get(row(key));
  }

  boolean isHeldOut(int row) {
    return holdout.get(row);
  }

  /** The expert's answer for {@code key} on the label in truth column {@code label}. */
  boolean answer(int label, String key) {
    int row = row(key);
    boolean truthful = truth.truth(label, row);
    SplittableRandom coin =
        new SplittableRandom((seed * 1_000_003L + label) * 0x9E3779B97F4A7C15L + row);
    return coin.nextDouble() < noise ? !truthful : truthful;
  }
}

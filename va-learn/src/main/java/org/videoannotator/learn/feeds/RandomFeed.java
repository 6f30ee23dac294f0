package org.videoannotator.learn.feeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;
import org.videoannotator.learn.NumpyRandomState;

/**
 * A uniform, seeded sample of the unlabelled clips: finds what the model misses, and is the one
 * feed whose labels estimate the corpus without bias (prevalence, AP: see {@code
 * org.videoannotator.learn.estimate}). So it draws from every unlabelled clip, not from what the
 * other feeds left: kept disjoint from them it under-sampled exactly the clips they favour (12
 * night clips of 65 after a "night" build on a demo about half night). A clip may therefore also
 * appear in another feed.
 */
final class RandomFeed implements FeedStrategy {
  @Override
  public String id() {
    return "random";
  }

  @Override
  public String name() {
    return "Random";
  }

  @Override
  public String hint() {
    return "a random sample, to find what the model misses";
  }

  @Override
  public boolean sharesRows() {
    return false;
  }

  /** Still one of the paper's four feeds the auto feed chooses among. */
  @Override
  public boolean isArm() {
    return true;
  }

  @Override
  public int[] select(FeedInput input, int k, IntPredicate excluded) {
    return draw(input.rows(), k, excluded, input.seed());
  }

  /**
   * Up to {@code k} distinct rows drawn uniformly among those not excluded: rejection sampling
   * while eligible rows are plentiful, a seeded shuffle of the eligible rows otherwise.
   */
  static int[] draw(int n, int k, IntPredicate excluded, long seed) {
    NumpyRandomState rng = new NumpyRandomState(seed);
    BitSet chosen = new BitSet(n);
    int[] out = new int[k];
    int count = 0;
    int attempts = 0;
    while (count < k && n > 0 && attempts < 20 * k + 100) {
      int row = (int) rng.randint(0, n);
      attempts++;
      if (!excluded.test(row) && !chosen.get(row)) {
        chosen.set(row);
        out[count++] = row;
      }
    }
    if (count < k) {
      List<Integer> rest = new ArrayList<>();
      for (int row = 0; row < n; row++) {
        if (!excluded.test(row) && !chosen.get(row)) {
          rest.add(row);
        }
      }
      rng.shuffle(rest);
      for (int i = 0; i < rest.size() && count < k; i++) {
        out[count++] = rest.get(i);
      }
    }
    return Arrays.copyOf(out, count);
  }
}

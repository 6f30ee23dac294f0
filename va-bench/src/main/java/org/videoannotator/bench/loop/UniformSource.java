package org.videoannotator.bench.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A uniform random order of the corpus outside the hold-out (seeded by seed and label, so the
 * {@code random} and {@code combined} baselines of one seed draw the same clips), labelled clips
 * left out: the paper's random baseline.
 */
final class UniformSource implements ClipSource {
  private final List<String> order;
  private final Set<String> labelled;

  UniformSource(Expert expert, int label, Set<String> labelled) {
    List<String> keys = expert.truth().keys();
    List<String> pool = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      if (!expert.isHeldOut(i)) {
        pool.add(keys.get(i));
      }
    }
    SplittableRandom rng = new SplittableRandom(expert.seed() * 31 + label + 7);
    for (int i = pool.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      String t = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, t);
    }
    this.order = pool;
    this.labelled = labelled;
  }

  @Override
  public List<LoopApi.Offer> page(int k, int offset) {
    List<LoopApi.Offer> out = new ArrayList<>(k);
    int seen = 0;
    for (String key : order) {
      if (labelled.contains(key)) {
        continue;
      }
      if (seen++ >= offset) {
        out.add(new LoopApi.Offer(key, Map.of("kind", "other")));
        if (out.size() == k) {
          break;
        }
      }
    }
    return out;
  }
}

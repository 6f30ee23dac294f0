package org.videoannotator.bench.loop;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The paper's baselines, labelled through the same server and learner: {@code random} (a uniform
 * sample of the corpus), {@code zero-shot} (the top of the label's text-embedding search) and
 * {@code combined} (half of each, zero-shot first).
 *
 * @param zeroShotShare the share of every batch taken from the zero-shot ranking
 */
record BaselinePolicy(String name, double zeroShotShare) implements Policy {
  static final BaselinePolicy RANDOM = new BaselinePolicy("random", 0);
  static final BaselinePolicy ZERO_SHOT = new BaselinePolicy("zero-shot", 1);
  static final BaselinePolicy COMBINED = new BaselinePolicy("combined", 0.5);

  @Override
  public boolean rebuildsEveryBatch() {
    return false;
  }

  @Override
  public List<LoopApi.Offer> next(Session session, int n, Set<String> taken) {
    int fromSearch = (int) Math.ceil(zeroShotShare * n);
    List<LoopApi.Offer> out =
        new ArrayList<>(session.picker().take(session.search(), fromSearch, taken));
    Set<String> all = new HashSet<>(taken);
    out.forEach(o -> all.add(o.key()));
    out.addAll(session.picker().take(session.uniform(), n - out.size(), all));
    return out;
  }
}

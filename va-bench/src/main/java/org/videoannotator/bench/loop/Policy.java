package org.videoannotator.bench.loop;

import java.util.List;
import java.util.Set;

/** How the simulated expert chooses what to label next: one of the benchmark's policies. */
interface Policy {
  /** The name in {@code --policies} and in the results. */
  String name();

  /**
   * Whether the model is rebuilt after every batch, as the product's loop does (the feeds then come
   * from the newest model); the paper's baselines choose without a model and build only to be
   * measured.
   */
  boolean rebuildsEveryBatch();

  /**
   * Clips labelled between builds when the run asks for {@code requested}: that, unless the policy
   * follows a cadence of its own (the UI's automatic rebuild, {@link FeedPolicy#rebuildEvery}).
   */
  default int batch(int requested) {
    return requested;
  }

  /** Up to {@code n} clips to label next, none in {@code taken}; fewer when the sources run dry. */
  List<LoopApi.Offer> next(Session session, int n, Set<String> taken);
}

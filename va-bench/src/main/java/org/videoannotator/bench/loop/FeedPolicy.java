package org.videoannotator.bench.loop;

import java.util.List;
import java.util.Set;

/**
 * The product's loop with one feed: the first pages come from the zero-shot search until the label
 * has a model (both answers twice), then every batch from {@code feed} of the latest build (topped
 * up from the search should the feed run dry).
 */
record FeedPolicy(String name, String feed) implements Policy {
  @Override
  public boolean rebuildsEveryBatch() {
    return true;
  }

  @Override
  public List<LoopApi.Offer> next(Session session, int n, Set<String> taken) {
    if (!session.hasModel()) {
      return session.picker().take(session.search(), n, taken);
    }
    return session.toppedUp(session.picker().take(session.feed(feed), n, taken), n, taken);
  }
}

package org.videoannotator.bench.loop;

import java.util.List;
import java.util.Set;

/**
 * The product's loop with one feed: the first pages come from the zero-shot search until the label
 * has a model (both answers twice), then every batch from {@code feed} of the latest build (topped
 * up from the search should the feed run dry).
 *
 * @param rebuildEvery when positive, the model is rebuilt at least every that many answers whatever
 *     {@code --batch} says: the UI's automatic rebuild ({@code /api/info}'s {@code rebuildEvery}),
 *     which the {@code default} policy follows because the UI steers an editor to it
 */
record FeedPolicy(String name, String feed, int rebuildEvery) implements Policy {
  FeedPolicy(String name, String feed) {
    this(name, feed, 0);
  }

  @Override
  public boolean rebuildsEveryBatch() {
    return true;
  }

  @Override
  public int batch(int requested) {
    return rebuildEvery > 0 ? Math.min(requested, rebuildEvery) : requested;
  }

  @Override
  public List<LoopApi.Offer> next(Session session, int n, Set<String> taken) {
    if (!session.hasModel()) {
      return session.picker().take(session.search(), n, taken);
    }
    return session.toppedUp(session.picker().take(session.feed(feed), n, taken), n, taken);
  }
}

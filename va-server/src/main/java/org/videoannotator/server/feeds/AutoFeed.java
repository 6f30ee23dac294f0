package org.videoannotator.server.feeds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.videoannotator.learn.feeds.FeedRegistry;
import org.videoannotator.learn.feeds.Ucb1;
import org.videoannotator.server.builds.FeedItem;
import org.videoannotator.server.builds.FeedSnapshot;
import org.videoannotator.server.store.BuildStore;
import org.videoannotator.server.store.Documents;
import org.videoannotator.server.store.Event;
import org.videoannotator.server.store.FeedReward;
import org.videoannotator.server.store.Value;

/**
 * The {@code auto} feed. While the latest model was trained on fewer "yes" than "no" answers it serves
 * the top-positive feed: a label short of positives learns most from finding more (measured with
 * {@code va bench loop}: for rare labels top-positive beats every other feed, and the bandit below
 * spent batches on feeds that found none). Once the positives are no longer the minority, a UCB1
 * bandit over the four feeds (Experiment 2 put to work) picks: an arm's reward is the share of the
 * annotators' yes/no answers on clips it offered that contradicted the latest model (a "yes" the model
 * scored below its threshold, a "no" it scored at or above): answers the model did not expect are the
 * ones that change it most. {@link Ucb1} picks the arm maximising {@code mean + sqrt(2) sqrt(ln N / n)};
 * arms never answered are tried first, in feed order. Counters live in the store, so the bandit
 * survives restarts.
 */
public final class AutoFeed {
  /** UCB1's exploration constant: {@code sqrt(2)}, as in Auer et al. */
  static final double UCB_C = Math.sqrt(2);

  private final BuildStore store;

  public AutoFeed(BuildStore store) {
    this.store = store;
  }

  /** The feed that finds positives, served while they are the minority of the training set. */
  static final String FIND_POSITIVES = "top-positive";

  /** The feed auto serves now for {@code label}. */
  public String choose(String label) {
    return positivesAreTheMinority(label) ? FIND_POSITIVES : bandit(label);
  }

  /** Whether the latest finished build was trained on fewer "yes" than "no" answers. */
  private boolean positivesAreTheMinority(String label) {
    return store.latestDone(label).map(row -> Documents.tree(row.result()))
        .map(build -> build.path("positives").asLong() < build.path("negatives").asLong())
        .orElse(false);
  }

  /** The arm the UCB1 bandit picks now. */
  private String bandit(String label) {
    Map<String, FeedReward> rewards = new HashMap<>();
    for (FeedReward r : store.rewards(label)) {
      rewards.put(r.feed(), r);
    }
    long total = rewards.values().stream().mapToLong(FeedReward::answered).sum();
    List<String> arms = FeedRegistry.arms();
    int arm = Ucb1.choose(arms.size(), i -> true,
        i -> rewards.containsKey(arms.get(i)) ? rewards.get(arms.get(i)).answered() : 0,
        i -> (double) rewards.get(arms.get(i)).disagreed() / rewards.get(arms.get(i)).answered(),
        UCB_C, total);
    return arms.get(arm);
  }

  /** Counts a page of {@code n} clips served from {@code feed} by the auto feed. */
  public void served(String label, String feed, int n) {
    if (n > 0) {
      store.addReward(label, feed, n, 0, 0);
    }
  }

  /**
   * Credits the arms for fresh votes: every yes/no vote on a clip one of the snapshot's four feeds
   * offered counts as an answer to that feed, and as a disagreement when it contradicts the score.
   */
  public void record(String label, FeedSnapshot snapshot, List<Event> events) {
    Map<String, long[]> perFeed = new HashMap<>();
    for (Event e : events) {
      if (e.value() != Value.YES && e.value() != Value.NO) {
        continue;
      }
      snapshot.find(e.key()).ifPresent(hit -> {
        if (!isArm(hit.getKey())) {
          return;
        }
        FeedItem item = hit.getValue();
        boolean predictedYes = item.score() >= snapshot.threshold();
        boolean disagreed = predictedYes != (e.value() == Value.YES);
        long[] c = perFeed.computeIfAbsent(hit.getKey(), f -> new long[2]);
        c[0]++;
        if (disagreed) {
          c[1]++;
        }
      });
    }
    perFeed.forEach((feed, c) -> store.addReward(label, feed, 0, c[0], c[1]));
  }

  private static boolean isArm(String feed) {
    return FeedRegistry.arms().contains(feed);
  }
}

package org.videoannotator.server.builds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.videoannotator.learn.feeds.FeedRegistry;

/**
 * The feeds of one finished build, ready to serve: feed name -> clips in order, plus a key lookup
 * so a later annotation can be compared with the model's prediction (the auto feed's reward).
 * Immutable.
 */
public final class FeedSnapshot {
  private final long buildId;
  private final int modelVersion;
  private final Map<String, List<FeedItem>> feeds;
  private final double threshold;
  private final Map<String, Map.Entry<String, FeedItem>> byKey = new HashMap<>();

  /** Which arms offer each key: the random feed may repeat a clip of the other three. */
  private final Map<String, List<String>> armsByKey = new HashMap<>();

  /**
   * @param threshold the model's "yes" cut: a score at or above it predicts "yes"
   */
  public FeedSnapshot(
      long buildId, int modelVersion, Map<String, List<FeedItem>> feeds, double threshold) {
    this.threshold = threshold;
    this.buildId = buildId;
    this.modelVersion = modelVersion;
    this.feeds = Map.copyOf(feeds);
    // The arms claim their keys before variants such as borderline-diverse.
    FeedRegistry.arms().forEach(this::index);
    this.feeds.keySet().forEach(this::index);
  }

  private void index(String feed) {
    for (FeedItem item : feed(feed)) {
      byKey.putIfAbsent(item.key(), Map.entry(feed, item));
      List<String> arms = armsByKey.computeIfAbsent(item.key(), k -> new ArrayList<>());
      if (FeedRegistry.arms().contains(feed) && !arms.contains(feed)) {
        arms.add(feed);
      }
    }
  }

  /** The model's "yes" cut. */
  public double threshold() {
    return threshold;
  }

  public long buildId() {
    return buildId;
  }

  public int modelVersion() {
    return modelVersion;
  }

  /** The clips of feed {@code name} in serving order (empty for an unknown name). */
  public List<FeedItem> feed(String name) {
    return feeds.getOrDefault(name, List.of());
  }

  /**
   * The feed that offered {@code key} in this build, and its score: {@code shownIn} when that feed
   * offered it (the feed an annotation's source names), else the first arm that did.
   */
  public Optional<Map.Entry<String, FeedItem>> find(String key, String shownIn) {
    if (shownIn != null && armsOf(key).contains(shownIn)) {
      return feed(shownIn).stream()
          .filter(item -> item.key().equals(key))
          .findFirst()
          .map(item -> Map.entry(shownIn, item));
    }
    return Optional.ofNullable(byKey.get(key));
  }

  /** The arms that offer {@code key} in this build, in registry order. */
  public List<String> armsOf(String key) {
    return armsByKey.getOrDefault(key, List.of());
  }

  /** The arms other than {@code feed} that also offer {@code key} (what the UI marks "also in"). */
  public List<String> alsoIn(String feed, String key) {
    return armsOf(key).stream().filter(f -> !f.equals(feed)).toList();
  }
}

package org.videoannotator.bench.loop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.videoannotator.core.UserException;

/**
 * The benchmark's policies by name: one per servable feed (the random feed as {@code random-feed},
 * so that {@code random} stays the paper's baseline), {@code default} (the feed the UI opens after
 * a build: the one {@code /api/info} marks {@code recommended}, else the first, as va-web's build
 * step chooses, rebuilt as often as the UI rebuilds by itself), and the baselines {@code random},
 * {@code zero-shot}, {@code combined}; and, named on the command line only, policies composed from
 * the feeds ({@link MixPolicy}).
 */
final class Policies {
  static final String DEFAULT = "default";

  private Policies() {}

  /**
   * Every policy the server makes possible, in a stable order (feeds in the UI's order first);
   * {@code opened} is the feed the UI opens after a build, {@code rebuildEvery} the answers after
   * which the UI rebuilds by itself (0: it does not).
   */
  static Map<String, Policy> available(
      List<String> servableFeeds, String opened, int rebuildEvery) {
    Map<String, Policy> out = new LinkedHashMap<>();
    for (String feed : servableFeeds) {
      String name = feed.equals("random") ? "random-feed" : feed;
      out.put(name, new FeedPolicy(name, feed));
    }
    out.put(DEFAULT, new FeedPolicy(DEFAULT, opened, rebuildEvery));
    for (BaselinePolicy b :
        List.of(BaselinePolicy.RANDOM, BaselinePolicy.ZERO_SHOT, BaselinePolicy.COMBINED)) {
      out.put(b.name(), b);
    }
    return out;
  }

  /** The policies named in {@code --policies} ({@code all} or none = every one). */
  static List<Policy> parse(List<String> names, Map<String, Policy> available) {
    if (names == null || names.isEmpty() || names.equals(List.of("all"))) {
      return List.copyOf(available.values());
    }
    List<Policy> out = new ArrayList<>();
    List<String> feeds =
        available.values().stream()
            .filter(FeedPolicy.class::isInstance)
            .map(p -> ((FeedPolicy) p).feed())
            .distinct()
            .toList();
    for (String name : names) {
      Policy p =
          MixPolicy.names(name.trim())
              ? MixPolicy.parse(name.trim(), feeds)
              : available.get(name.trim());
      if (p == null) {
        throw new UserException(
            "--policies: unknown policy '"
                + name
                + "'; choose from "
                + available.keySet()
                + " or 'all'");
      }
      if (!out.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }
}

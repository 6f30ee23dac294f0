package org.videoannotator.learn.feeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every feed a build fills, in filling order (feeds that share rows take them in this order), plus
 * the {@value #AUTO} feed, which picks one of the arms at serving time (va-server's AutoFeed). To
 * add a feed, implement {@link FeedStrategy} and add one line to {@link #STRATEGIES}.
 */
public final class FeedRegistry {
  /** The bandit feed: serves whichever arm UCB1 picks (see va-server's AutoFeed). */
  public static final String AUTO = "auto";

  private static final List<FeedStrategy> STRATEGIES =
      List.of(
          new TopPositiveFeed(),
          new TopNegativeFeed(),
          new BorderlineFeed(),
          new RandomFeed(),
          new DiverseBorderlineFeed());

  /**
   * The feed the UI opens after a build: {@value #AUTO}, which checks the corpus estimates with a
   * random batch once a label has enough answers, finds positives while they are the minority of
   * the labels, then shows the borderline (chosen with {@code va bench loop}; see the README's
   * "Does the loop help?" and va-server's {@code AutoFeed}).
   */
  public static final String RECOMMENDED = AUTO;

  /** A feed as the UI lists it; {@code recommended} marks the one the UI opens first. */
  public record FeedInfo(String id, String name, String hint, boolean recommended) {}

  private FeedRegistry() {}

  /** The feeds a build fills, in filling order. */
  public static List<FeedStrategy> strategies() {
    return STRATEGIES;
  }

  /** The feeds the auto feed chooses among, in the order it tries them first. */
  public static List<String> arms() {
    return STRATEGIES.stream().filter(FeedStrategy::isArm).map(FeedStrategy::id).toList();
  }

  public static Optional<FeedStrategy> find(String id) {
    return STRATEGIES.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * Every feed that can be served, as the UI lists them (tab i has shortcut i+1): the arms, then
   * {@value #AUTO}, then the variants, so the paper's feeds keep their keys 1-5 as feeds are added.
   */
  public static List<FeedInfo> servable() {
    List<FeedInfo> out = new ArrayList<>();
    STRATEGIES.stream().filter(FeedStrategy::isArm).forEach(s -> out.add(info(s)));
    out.add(
        new FeedInfo(
            AUTO,
            "Auto",
            "a random check, likely positives, borderline",
            AUTO.equals(RECOMMENDED)));
    STRATEGIES.stream().filter(s -> !s.isArm()).forEach(s -> out.add(info(s)));
    return out;
  }

  private static FeedInfo info(FeedStrategy s) {
    return new FeedInfo(s.id(), s.name(), s.hint(), s.id().equals(RECOMMENDED));
  }

  /** Whether {@code id} names a servable feed. */
  public static boolean isServable(String id) {
    return id.equals(AUTO) || find(id).isPresent();
  }
}

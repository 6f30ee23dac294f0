package org.videoannotator.bench.loop;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.videoannotator.core.UserException;

/**
 * A policy composed from the server's feeds, to try a way of steering the editor before building it
 * into the product: {@code mix:top-positive=0.5+borderline=0.5} takes those shares of every batch
 * from those feeds (in that order); {@code balance:top-positive/borderline} takes the batch from
 * the first feed while the expert's "yes" answers are fewer than the "no" answers, else from the
 * second. Before the first model, both start from the zero-shot search, as {@link FeedPolicy} does.
 */
record MixPolicy(String name, Map<String, Double> shares, List<String> balance) implements Policy {
  static boolean names(String spec) {
    return spec.startsWith("mix:") || spec.startsWith("balance:");
  }

  static MixPolicy parse(String spec, List<String> feeds) {
    if (spec.startsWith("balance:")) {
      List<String> two = List.of(spec.substring("balance:".length()).split("/"));
      if (two.size() != 2 || !feeds.containsAll(two)) {
        throw new UserException(
            "--policies: '" + spec + "' must be balance:<feed>/<feed> with feeds of " + feeds);
      }
      return new MixPolicy(spec, Map.of(), two);
    }
    Map<String, Double> shares = new LinkedHashMap<>();
    for (String part : spec.substring("mix:".length()).split("\\+")) {
      String[] kv = part.split("=");
      if (kv.length != 2 || !feeds.contains(kv[0])) {
        throw new UserException(
            "--policies: '" + spec + "' must be mix:<feed>=<share>+... with feeds of " + feeds);
      }
      shares.put(kv[0], Double.parseDouble(kv[1]));
    }
    return new MixPolicy(spec, shares, List.of());
  }

  @Override
  public boolean rebuildsEveryBatch() {
    return true;
  }

  @Override
  public List<LoopApi.Offer> next(Session session, int n, Set<String> taken) {
    if (!session.hasModel()) {
      return session.picker().take(session.search(), n, taken);
    }
    if (!balance.isEmpty()) {
      String feed =
          session.yesAnswers() < session.labelled() - session.yesAnswers()
              ? balance.get(0)
              : balance.get(1);
      return new FeedPolicy(name, feed).next(session, n, taken);
    }
    List<LoopApi.Offer> out = new ArrayList<>();
    Set<String> all = new HashSet<>(taken);
    double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
    double cumulative = 0;
    for (var e : shares.entrySet()) {
      cumulative += e.getValue();
      int upTo = (int) Math.round(n * cumulative / total);
      List<LoopApi.Offer> part =
          session.picker().take(session.feed(e.getKey()), upTo - out.size(), all);
      part.forEach(o -> all.add(o.key()));
      out.addAll(part);
    }
    return session.toppedUp(out, n, taken);
  }
}

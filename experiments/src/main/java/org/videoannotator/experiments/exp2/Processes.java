package org.videoannotator.experiments.exp2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decision processes by name. Canonical names are kebab-case ({@code ucb-mean}); the
 * reference's class names ({@code UCBMean}) and the paper notebook's short names ({@code rr},
 * {@code greedy}, {@code eps0.25}, {@code ucb}, {@code ucb.1}) are accepted too.
 */
public final class Processes {
  /** Parameters a process may use; unused ones are ignored. */
  public record Params(double epsilon, double c, double gamma) {
    /** The reference's defaults: epsilon 0.2, UCB c 0.01, Exp3 gamma 0.1. */
    public static Params defaults() {
      return new Params(0.2, 0.01, 0.1);
    }
  }

  private static final Map<String, Factory> SPECS = new LinkedHashMap<>();
  private static final Map<String, String> ALIASES = new LinkedHashMap<>();

  static {
    add("round-robin", (s, p) -> new RoundRobin(s), "rr", "roundrobin");
    add("random", (s, p) -> new RandomChoice(s));
    add("greedy-oracle", (s, p) -> new GreedyOracle(s), "greedy", "greedyoracle");
    add(
        "eps-greedy-mean",
        (s, p) -> new EpsilonGreedy(s, p.epsilon(), Valuation.MEAN),
        "epsilongreedymean");
    add(
        "eps-greedy-last",
        (s, p) -> new EpsilonGreedy(s, p.epsilon(), Valuation.LAST),
        "epsilongreedylast");
    add(
        "eps-greedy-ewma",
        (s, p) -> new EpsilonGreedy(s, p.epsilon(), Valuation.EWMA),
        "epsilongreedyewma");
    add("ucb-mean", (s, p) -> new Ucb(s, p.c(), Valuation.MEAN), "ucbmean", "ucb");
    add("ucb-ewma", (s, p) -> new Ucb(s, p.c(), Valuation.EWMA), "ucbewma");
    add("ucb-last", (s, p) -> new Ucb(s, p.c(), Valuation.LAST), "ucblast");
    add("exp3-mean", (s, p) -> new Exp3(s, p.gamma(), Valuation.MEAN), "exp3mean", "exp3");
    add("exp3-last", (s, p) -> new Exp3(s, p.gamma(), Valuation.LAST), "exp3last");
    add("exp3-ewma", (s, p) -> new Exp3(s, p.gamma(), Valuation.EWMA), "exp3ewma");
  }

  private Processes() {}

  @FunctionalInterface
  private interface Factory {
    DecisionProcess make(DecisionProcess.Settings settings, Params params);
  }

  private static void add(String name, Factory make, String... aliases) {
    SPECS.put(name, make);
    for (String alias : aliases) {
      ALIASES.put(alias, name);
    }
  }

  /** Canonical names. */
  public static List<String> names() {
    return List.copyOf(SPECS.keySet());
  }

  /** A process chosen by name (see the class comment), with parameters the name may fix. */
  public record Choice(String name, Params params) {}

  /**
   * Resolves {@code name}; the notebook's {@code eps0.1}, {@code eps0.25}, {@code eps0.5} fix
   * epsilon and {@code ucb.1} fixes c = 0.1.
   */
  public static Choice resolve(String name, Params params) {
    String key = name.toLowerCase(Locale.ROOT).replace("_", "-");
    if (key.matches("eps[0-9.]+")) {
      double epsilon = Double.parseDouble(key.substring(3));
      return new Choice("eps-greedy-mean", new Params(epsilon, params.c(), params.gamma()));
    }
    if (key.equals("ucb.1")) {
      return new Choice("ucb-mean", new Params(params.epsilon(), 0.1, params.gamma()));
    }
    String canonical = SPECS.containsKey(key) ? key : ALIASES.get(key.replace("-", ""));
    if (canonical == null) {
      throw new IllegalArgumentException(
          "unknown process '"
              + name
              + "'; processes: "
              + names()
              + " (also the reference's class names and rr, greedy, eps0.25, ucb, ucb.1)");
    }
    return new Choice(canonical, params);
  }

  public static DecisionProcess create(Choice choice, DecisionProcess.Settings settings) {
    return SPECS.get(choice.name()).make(settings, choice.params());
  }
}

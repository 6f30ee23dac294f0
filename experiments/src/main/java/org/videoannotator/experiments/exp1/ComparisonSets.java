package org.videoannotator.experiments.exp1;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.videoannotator.datasets.CmpSet;
import org.videoannotator.datasets.KeyValue;
import org.videoannotator.learn.LabelledSet;

/**
 * The baselines' training sets: the first n shots of the annotated random and zero-shot lists,
 * after removing validation keys, or a mix of both. A method that yields no shot, or a key labelled
 * both ways, is an error (the cell fails).
 */
public final class ComparisonSets {
  /** The protocol's methods, in the reference's order. */
  public static final List<String> METHODS =
      List.of("random", "zero-shot-50-random-50", "zero-shot");

  /** Every method the reference defines (the 20/80 mix is not in the paper's tables). */
  public static final List<String> ALL_METHODS =
      List.of("random", "zero-shot-50-random-50", "zero-shot-20-random-80", "zero-shot");

  private final String label;
  private final List<KeyValue> random;
  private final List<KeyValue> zeroShot;

  public ComparisonSets(String label, CmpSet cmp, Set<String> validationKeys) {
    this.label = label;
    this.random = cmp.random().stream().filter(kv -> !validationKeys.contains(kv.key())).toList();
    this.zeroShot =
        cmp.zeroShot().stream().filter(kv -> !validationKeys.contains(kv.key())).toList();
  }

  /** Whether {@code method} is one this class can build. */
  public static void check(String method) {
    if (!ALL_METHODS.contains(method)) {
      throw new IllegalArgumentException(
          "unknown method '" + method + "'; methods: " + ALL_METHODS);
    }
  }

  /** The training set of {@code method} at {@code n} annotations. */
  public LabelledSet trainingSet(String method, int n) {
    return switch (method) {
      case "random" -> first(random, n);
      case "zero-shot" -> first(zeroShot, n);
      case "zero-shot-50-random-50" -> {
        int nRandom = (int) Math.rint(n * 0.5);
        yield first(random, nRandom).plus(first(zeroShot, n - nRandom));
      }
      case "zero-shot-20-random-80" -> {
        int nZeroShot = (int) Math.rint(n * 0.2);
        yield first(random, n - nZeroShot).plus(first(zeroShot, nZeroShot));
      }
      default -> throw new IllegalArgumentException("unknown method '" + method + "'");
    };
  }

  private LabelledSet first(List<KeyValue> list, int n) {
    Set<String> pos = new HashSet<>();
    Set<String> neg = new HashSet<>();
    for (KeyValue kv : list.subList(0, Math.min(n, list.size()))) {
      (kv.value() ? pos : neg).add(kv.key());
    }
    return new LabelledSet(label, pos, neg);
  }
}

package org.videoannotator.experiments.exp2;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.videoannotator.learn.LabelledSet;

/**
 * Positives and negatives in the order a source hands them out. The next batch of {@code n} keeps
 * the source's positive rate ({@link #firstN}); taking a batch removes its keys from every source.
 */
public record OrderedSet(String label, List<String> pos, List<String> neg) {
  public OrderedSet {
    pos = List.copyOf(pos);
    neg = List.copyOf(neg);
    Set<String> posSet = new HashSet<>(pos);
    for (String key : neg) {
      if (posSet.contains(key)) {
        throw new IllegalArgumentException(
            "ordered set for label=" + label + ": key '" + key + "' is both positive and negative");
      }
    }
  }

  public int size() {
    return pos.size() + neg.size();
  }

  /** This set followed by the keys of {@code other} not already on the same side. */
  public OrderedSet plus(OrderedSet other) {
    return new OrderedSet(label, append(pos, other.pos), append(neg, other.neg));
  }

  /**
   * This set without {@code other}'s positives among its positives and negatives among negatives.
   */
  public OrderedSet minus(OrderedSet other) {
    return new OrderedSet(label, remove(pos, other.pos), remove(neg, other.neg));
  }

  /**
   * The next batch of about {@code n}: {@code min(|pos|, max(round(rate * n), 1))} positives
   * (Python's half-to-even rounding) and the rest negatives, as far as each side lasts.
   *
   * @throws IllegalStateException on an empty set (the reference divides by zero there)
   */
  public OrderedSet firstN(int n) {
    if (size() == 0) {
      throw new IllegalStateException("source for label=" + label + " is empty");
    }
    double rate = pos.size() / (double) size();
    int countPos = (int) Math.min(pos.size(), Math.max(Math.rint(rate * n), 1));
    int countNeg = Math.min(neg.size(), n - countPos);
    return new OrderedSet(label, pos.subList(0, countPos), neg.subList(0, Math.max(countNeg, 0)));
  }

  /** As an unordered labelled set (error when empty). */
  public LabelledSet toLabelledSet() {
    return new LabelledSet(label, new HashSet<>(pos), new HashSet<>(neg));
  }

  private static List<String> append(List<String> first, List<String> second) {
    Set<String> seen = new HashSet<>(first);
    List<String> out = new ArrayList<>(first);
    for (String key : second) {
      if (!seen.contains(key)) {
        out.add(key);
      }
    }
    return out;
  }

  private static List<String> remove(List<String> from, List<String> keys) {
    Set<String> drop = new HashSet<>(keys);
    List<String> out = new ArrayList<>(from.size());
    for (String key : from) {
      if (!drop.contains(key)) {
        out.add(key);
      }
    }
    return out;
  }
}

package org.videoannotator.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable labelled set: for one label, the keys annotated positive and those annotated
 * negative. A key is never on both sides and the set is never empty (it may have no positives or no
 * negatives: the random comparison sets of rare labels have none, and training then fails loudly).
 *
 * <p>{@link #orderedKeys()} is the row order the reference feeds to its learner (positives sorted,
 * then negatives sorted, by Unicode code point as Python sorts strings); the stratified folds
 * depend on that order, so callers building a training matrix must use it.
 */
public record LabelledSet(String label, Set<String> positives, Set<String> negatives) {

  public LabelledSet {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("labelled set needs a label, got '" + label + "'");
    }
    positives = copyChecked(label, "positive", positives);
    negatives = copyChecked(label, "negative", negatives);
    if (positives.isEmpty() && negatives.isEmpty()) {
      throw new IllegalArgumentException("labelled set for label=" + label + " has no keys");
    }
    for (String key : positives) {
      if (negatives.contains(key)) {
        throw new IllegalArgumentException(
            "labelled set for label="
                + label
                + ": key '"
                + key
                + "' is both positive and negative");
      }
    }
  }

  private static Set<String> copyChecked(String label, String side, Collection<String> keys) {
    if (keys == null) {
      throw new IllegalArgumentException(
          "labelled set for label=" + label + ": null " + side + " keys");
    }
    Set<String> copy = new HashSet<>(keys.size() * 2);
    for (String key : keys) {
      if (key == null || key.isEmpty()) {
        throw new IllegalArgumentException(
            "labelled set for label=" + label + ": empty " + side + " key");
      }
      copy.add(key);
    }
    return Set.copyOf(copy);
  }

  public int size() {
    return positives.size() + negatives.size();
  }

  public int positiveCount() {
    return positives.size();
  }

  public int negativeCount() {
    return negatives.size();
  }

  /** Share of positives, in [0, 1]. */
  public double positiveRate() {
    return positives.size() / (double) size();
  }

  public boolean contains(String key) {
    return positives.contains(key) || negatives.contains(key);
  }

  /** Positive keys sorted by code point (Python's string order). */
  public List<String> sortedPositives() {
    return sorted(positives);
  }

  /** Negative keys sorted by code point (Python's string order). */
  public List<String> sortedNegatives() {
    return sorted(negatives);
  }

  /** Sorted positives then sorted negatives: the reference's row order for x and y. */
  public List<String> orderedKeys() {
    List<String> keys = new ArrayList<>(size());
    keys.addAll(sortedPositives());
    keys.addAll(sortedNegatives());
    return keys;
  }

  /** Labels aligned with {@link #orderedKeys()}: {@code positiveCount()} trues, then falses. */
  public boolean[] orderedLabels() {
    boolean[] y = new boolean[size()];
    Arrays.fill(y, 0, positives.size(), true);
    return y;
  }

  /** This set without {@code keys}. The result must still be non-empty. */
  public LabelledSet without(Set<String> keys) {
    Set<String> pos = new HashSet<>(positives);
    pos.removeAll(keys);
    Set<String> neg = new HashSet<>(negatives);
    neg.removeAll(keys);
    return new LabelledSet(label, pos, neg);
  }

  /** Union with {@code other} (same label; a key on opposite sides is an error). */
  public LabelledSet plus(LabelledSet other) {
    if (!label.equals(other.label)) {
      throw new IllegalArgumentException(
          "cannot add labelled sets of labels " + label + " and " + other.label);
    }
    Set<String> pos = new HashSet<>(positives);
    pos.addAll(other.positives);
    Set<String> neg = new HashSet<>(negatives);
    neg.addAll(other.negatives);
    return new LabelledSet(label, pos, neg);
  }

  /** Orders strings by Unicode code point, as Python compares {@code str}. */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static List<String> sorted(Set<String> keys) {
    TreeSet<String> tree = new TreeSet<>(LabelledSet::compareCodePoints);
    tree.addAll(keys);
    return new ArrayList<>(tree);
  }

  @Override
  public String toString() {
    return "LabelledSet[label="
        + label
        + ", size="
        + size()
        + ", positives="
        + positives.size()
        + ", negatives="
        + negatives.size()
        + "]";
  }
}

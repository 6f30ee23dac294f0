package org.videoannotator.embed.model;

import java.util.List;
import java.util.stream.IntStream;

/** Picks a bounded number of items spread evenly over a list (first and last included). */
public final class Spread {
  private Spread() {}

  public static <T> List<T> evenly(List<T> items, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1, got " + max);
    }
    if (items.size() <= max) {
      return items;
    }
    if (max == 1) {
      return List.of(items.get(items.size() / 2));
    }
    return IntStream.range(0, max)
        .mapToObj(i -> items.get((int) Math.round(i * (items.size() - 1) / (double) (max - 1))))
        .toList();
  }
}

package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.videoannotator.core.vectors.KeyIndex;

class FeedsTest {
  private static float[] probabilities(int n) {
    SplittableRandom r = new SplittableRandom(9);
    float[] p = new float[n];
    for (int i = 0; i < n; i++) {
      p[i] = (float) r.nextDouble();
    }
    return p;
  }

  @Test
  void feedsAreDisjointSkipLabelledRowsAndFollowTheirDefinitions() {
    float[] p = probabilities(2000);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      keys.add("k" + i);
    }
    KeyIndex index = KeyIndex.of(keys, "test");
    Set<String> labelled = new HashSet<>();
    for (int i = 0; i < 2000; i += 3) {
      labelled.add("k" + i);
    }
    Feeds.FeedSet feeds = Feeds.build(p, index, labelled, new Feeds.Sizes(20, 15, 10, 25), 7);
    Set<Integer> seen = new HashSet<>();
    for (Feeds.Kind kind : Feeds.Kind.values()) {
      for (int row : feeds.get(kind).rows()) {
        assertTrue(seen.add(row), "row " + row + " offered twice");
        assertTrue(row % 3 != 0, "labelled row " + row + " offered");
      }
    }
    assertEquals(70, seen.size());
    assertEquals(25, feeds.keys(Feeds.Kind.RANDOM, index).size());
    // top-positive: nothing unlabelled outside the feeds scores higher than its last row
    float lastTop = feeds.get(Feeds.Kind.TOP_POSITIVE).scores()[19];
    float lastBottom = feeds.get(Feeds.Kind.TOP_NEGATIVE).scores()[14];
    double borderGap = Math.abs(feeds.get(Feeds.Kind.BORDERLINE).scores()[9] - 0.5);
    for (int row = 0; row < p.length; row++) {
      if (row % 3 != 0 && !seen.contains(row)) {
        assertTrue(p[row] <= lastTop && p[row] >= lastBottom && Math.abs(p[row] - 0.5) >= borderGap);
      }
    }
    // same seed, same feeds
    Feeds.FeedSet again = Feeds.build(p, index, labelled, new Feeds.Sizes(20, 15, 10, 25), 7);
    assertArrayEquals(feeds.get(Feeds.Kind.RANDOM).rows(), again.get(Feeds.Kind.RANDOM).rows());
    assertEquals(7, again.randomSeed());
  }

  @Test
  void smallCorporaRunOutGracefully() {
    float[] p = probabilities(10);
    Feeds.FeedSet feeds = Feeds.build(p, row -> row < 4, Feeds.Sizes.each(3), 1);
    int total = 0;
    for (Feeds.Kind kind : Feeds.Kind.values()) {
      total += feeds.get(kind).rows().length;
    }
    assertEquals(6, total);
    assertEquals(0, feeds.get(Feeds.Kind.RANDOM).rows().length);
    assertEquals(Feeds.Kind.BORDERLINE, Feeds.Kind.of("borderline"));
    assertThrows(IllegalArgumentException.class, () -> Feeds.Kind.of("best"));
    assertThrows(IllegalArgumentException.class, () -> new Feeds.Sizes(1, -1, 1, 1));
  }
}

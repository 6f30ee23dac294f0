package org.videoannotator.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.learn.feeds.FeedInput;
import org.videoannotator.learn.feeds.FeedRegistry;

class FeedsTest {
  private static final List<String> SHARING = List.of("top-positive", "top-negative", "borderline");

  private static float[] probabilities(int n) {
    SplittableRandom r = new SplittableRandom(9);
    float[] p = new float[n];
    for (int i = 0; i < n; i++) {
      p[i] = (float) r.nextDouble();
    }
    return p;
  }

  /** Unit vectors where row pairs (2i, 2i+1) are identical: near-duplicates to be skipped. */
  private static FloatMatrix pairedVectors(int n) {
    SplittableRandom r = new SplittableRandom(3);
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i += 2) {
      float[] v = new float[16];
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) r.nextGaussian();
      }
      rows[i] = org.videoannotator.core.vectors.VectorMath.normalizeInPlace(v);
      if (i + 1 < n) {
        rows[i + 1] = v.clone();
      }
    }
    return FloatMatrix.ofRows(rows);
  }

  private static Feeds.FeedSet build(
      float[] p, IntPredicate labelled, Map<String, Integer> sizes, long seed) {
    return Feeds.build(
        new FeedInput(p, pairedVectors(p.length), Feeds.THRESHOLD, seed),
        labelled,
        id -> sizes.getOrDefault(id, 10));
  }

  @Test
  void sharingFeedsAreDisjointSkipLabelledRowsAndFollowTheirDefinitions() {
    float[] p = probabilities(2000);
    IntPredicate labelled = row -> row % 3 == 0;
    Map<String, Integer> sizes =
        Map.of("top-positive", 20, "top-negative", 15, "borderline", 10, "random", 25);
    Feeds.FeedSet feeds = build(p, labelled, sizes, 7);
    assertEquals(
        FeedRegistry.strategies().size(), feeds.feeds().size(), "every registered feed is filled");
    Set<Integer> seen = new HashSet<>();
    for (String id : SHARING) {
      for (int row : feeds.get(id).rows()) {
        assertTrue(seen.add(row), "row " + row + " offered twice");
        assertTrue(row % 3 != 0, "labelled row " + row + " offered");
      }
    }
    assertEquals(45, seen.size());
    // top-positive: nothing unlabelled outside the feeds scores higher than its last row
    float lastTop = feeds.get("top-positive").scores()[19];
    float lastBottom = feeds.get("top-negative").scores()[14];
    double borderGap = Math.abs(feeds.get("borderline").scores()[9] - 0.5);
    for (int row = 0; row < p.length; row++) {
      if (row % 3 != 0 && !seen.contains(row)) {
        assertTrue(
            p[row] <= lastTop && p[row] >= lastBottom && Math.abs(p[row] - 0.5) >= borderGap);
      }
    }
    for (int row : feeds.get("random").rows()) {
      assertTrue(row % 3 != 0, "labelled row " + row + " offered");
    }
    // same seed, same feeds
    Feeds.FeedSet again = build(p, labelled, sizes, 7);
    assertArrayEquals(feeds.get("random").rows(), again.get("random").rows());
    assertEquals(7, again.seed());
  }

  @Test
  void theRandomFeedIsAUniformSampleOfTheUnlabelledClipsEvenWhereOtherFeedsTook() {
    // The top-positive feed takes the top quarter; a random feed drawn from what it left would show
    // none of those clips, a uniform one about a quarter (binomial sd 2.2 points on 400 draws).
    float[] p = probabilities(2000);
    Feeds.FeedSet feeds = build(p, row -> false, Map.of("top-positive", 500, "random", 400), 3);
    Set<Integer> top = new HashSet<>();
    for (int row : feeds.get("top-positive").rows()) {
      top.add(row);
    }
    long inTop = java.util.Arrays.stream(feeds.get("random").rows()).filter(top::contains).count();
    assertTrue(
        inTop > 0.15 * 400 && inTop < 0.35 * 400,
        inTop + " of 400 random clips among the top quarter");
  }

  @Test
  void theDiverseBorderlineSeesEveryUnlabelledClipButNoTwoAlike() {
    float[] p = probabilities(400);
    Feeds.FeedSet feeds = build(p, row -> false, Map.of(), 1);
    int[] diverse = feeds.get("borderline-diverse").rows();
    assertEquals(10, diverse.length);
    Set<Integer> pairs = new HashSet<>();
    for (int row : diverse) {
      assertTrue(pairs.add(row / 2), "rows " + row + " and its identical twin both offered");
    }
    assertTrue(feeds.get("borderline").rows().length == 10);
    assertEquals(
        feeds.get("borderline").rows()[0], diverse[0], "the most borderline clip leads both");
  }

  @Test
  void smallCorporaRunOutGracefully() {
    float[] p = probabilities(10);
    Feeds.FeedSet feeds =
        build(
            p,
            row -> row < 4,
            Map.of("top-positive", 3, "top-negative", 3, "borderline", 3, "random", 3),
            1);
    int total = 0;
    for (String id : SHARING) {
      total += feeds.get(id).rows().length;
    }
    assertEquals(6, total);
    assertEquals(
        3, feeds.get("random").rows().length, "the random feed samples every unlabelled clip");
    assertThrows(IllegalArgumentException.class, () -> feeds.get("best"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Feeds.build(new FeedInput(p, null, 0.5, 1), row -> false, -1));
  }
}

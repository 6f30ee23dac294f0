package org.videoannotator.spark.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.videoannotator.learn.Murmur3;

/**
 * The bounded candidate lists give the feeds a sort of every row would, however the rows are split
 * into partitions; the random feed is the rows of smallest seeded Murmur3 hash of the key.
 */
class FeedRanksTest {
  private static final int SIZE = 25;
  private static final double THRESHOLD = 0.4;
  private static final int SEED = 7;

  private record Scored(String key, float score) {}

  @Test
  void feedsAreThoseOfSortingEveryRowWhateverThePartitioning() {
    SplittableRandom random = new SplittableRandom(3);
    List<Scored> rows = new ArrayList<>();
    for (int r = 0; r < 20_000; r++) {
      // Coarse scores, so that many rows tie and the key decides.
      float score = Math.round(random.nextDouble() * 200) / 200f;
      rows.add(new Scored("video-" + random.nextInt(50) + "|" + r * 40, score));
    }
    List<List<RankedClip>> whole = ranks(rows, 1).feeds(SIZE);
    assertEquals(expected(rows), keys(whole));
    assertEquals(keys(whole), keys(ranks(rows, 7).feeds(SIZE)), "seven partitions");
    assertEquals(rows.size(), ranks(rows, 7).rows());
  }

  /** The rows offered to {@code partitions} candidate lists of uneven sizes, merged. */
  private static FeedRanks ranks(List<Scored> rows, int partitions) {
    FeedRanks empty = new FeedRanks(4 * SIZE, THRESHOLD, SEED);
    FeedRanks merged = empty.fresh();
    int from = 0;
    for (int p = 0; p < partitions; p++) {
      int to = p == partitions - 1 ? rows.size() : from + (rows.size() - from) / (3 - p % 2);
      FeedRanks part = empty.fresh();
      for (Scored row : rows.subList(from, to)) {
        byte[] key = ("..." + row.key()).getBytes(StandardCharsets.UTF_8);
        part.add(key, 3, key.length - 3, row.score());
      }
      merged.merge(part);
      from = to;
    }
    return merged;
  }

  /** Each feed in turn: every row sorted by its priority, then key; no clip in two feeds. */
  private static List<List<String>> expected(List<Scored> rows) {
    List<ToDoubleFunction<Scored>> priorities =
        List.of(
            s -> -s.score(),
            s -> s.score(),
            s -> Math.abs(s.score() - THRESHOLD),
            s -> Integer.toUnsignedLong(Murmur3.hash32(s.key(), SEED)));
    Set<String> taken = new HashSet<>();
    List<List<String>> feeds = new ArrayList<>();
    for (ToDoubleFunction<Scored> priority : priorities) {
      List<Scored> sorted = new ArrayList<>(rows);
      sorted.sort(
          Comparator.comparingDouble(priority)
              .thenComparing(Scored::key, Comparator.naturalOrder()));
      List<String> feed = new ArrayList<>();
      for (Scored s : sorted) {
        if (feed.size() < SIZE && taken.add(s.key())) {
          feed.add(s.key());
        }
      }
      feeds.add(feed);
    }
    return feeds;
  }

  private static List<List<String>> keys(List<List<RankedClip>> feeds) {
    return feeds.stream().map(f -> f.stream().map(RankedClip::key).toList()).toList();
  }
}

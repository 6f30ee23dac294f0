package org.videoannotator.spark.score;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.spark.unsafe.types.UTF8String;
import org.videoannotator.learn.Murmur3;

/**
 * The four feeds of the paper over a scored table too large for one machine, kept as bounded
 * candidate lists per feed: each partition keeps its best {@code capacity} per feed, the driver
 * merges them. Top positive ranks by score descending, top negative ascending, borderline by the
 * distance to the threshold, random by a seeded hash of the key (a uniform sample that does not
 * depend on partitioning).
 */
final class FeedRanks implements Serializable {
  private static final long serialVersionUID = 1L;
  static final List<String> FEEDS = List.of("top-positive", "top-negative", "borderline", "random");

  private final int capacity;
  private final double threshold;
  private final int seed;
  private final List<PriorityQueue<RankedClip>> best = new ArrayList<>();

  /**
   * Per feed, the priority a row must not exceed to enter: the full heap's worst, else infinity.
   * Kept beside the heaps so that the rows turned away (nearly all) cost four comparisons.
   */
  private final double[] bar = new double[FEEDS.size()];

  private long rows;

  FeedRanks(int capacity, double threshold, int seed) {
    this.capacity = capacity;
    this.threshold = threshold;
    this.seed = seed;
    for (int f = 0; f < FEEDS.size(); f++) {
      best.add(new PriorityQueue<>(Collections.reverseOrder(RankedClip.ORDER)));
    }
    Arrays.fill(bar, Double.POSITIVE_INFINITY);
  }

  /** Empty candidate lists with this one's capacity, threshold and seed. */
  FeedRanks fresh() {
    return new FeedRanks(capacity, threshold, seed);
  }

  /** A scored row; its key (UTF-8, as Spark holds it) becomes a string only if it is kept. */
  void add(UTF8String key, float score) {
    byte[] bytes = key.getBytes();
    add(bytes, 0, bytes.length, score);
  }

  /**
   * A scored row whose key is the UTF-8 bytes {@code key[offset..offset + length)}; they become a
   * string only if the row is kept.
   */
  void add(byte[] key, int offset, int length, float score) {
    rows++;
    double border = Math.abs(score - threshold);
    // Murmur3 of the key's UTF-8 bytes, as Murmur3.hash32(String) hashes them.
    double random = Integer.toUnsignedLong(Murmur3.hash32(key, offset, length, seed));
    if (-score > bar[0] && score > bar[1] && border > bar[2] && random > bar[3]) {
      return;
    }
    String kept = offer(0, key, offset, length, null, score, -score);
    kept = offer(1, key, offset, length, kept, score, score);
    kept = offer(2, key, offset, length, kept, score, border);
    offer(3, key, offset, length, kept, score, random);
  }

  /**
   * Most rows rank below a full heap's worst: those are turned away before a clip is made. Returns
   * the key as a string once one was made ({@code text} until then).
   */
  private String offer(
      int feed, byte[] key, int offset, int length, String text, float score, double priority) {
    if (priority > bar[feed]) {
      return text;
    }
    String k = text != null ? text : new String(key, offset, length, StandardCharsets.UTF_8);
    offer(feed, new RankedClip(k, score, priority));
    return k;
  }

  private void offer(int feed, RankedClip clip) {
    PriorityQueue<RankedClip> heap = best.get(feed);
    if (heap.size() < capacity) {
      heap.add(clip);
    } else if (RankedClip.ORDER.compare(clip, heap.peek()) < 0) {
      heap.poll();
      heap.add(clip);
    }
    if (heap.size() == capacity) {
      bar[feed] = heap.peek().priority();
    }
  }

  /** How many scored rows were added, here and in the merged ranks. */
  long rows() {
    return rows;
  }

  FeedRanks merge(FeedRanks other) {
    rows += other.rows;
    for (int f = 0; f < FEEDS.size(); f++) {
      for (RankedClip clip : other.best.get(f)) {
        offer(f, clip);
      }
    }
    return this;
  }

  /**
   * The feeds of {@code size} clips each, filled in the server's order with no clip in two feeds
   * (the paper's four feeds share one pool). Needs {@code capacity >= 4 * size}.
   */
  List<List<RankedClip>> feeds(int size) {
    Set<String> taken = new HashSet<>();
    List<List<RankedClip>> out = new ArrayList<>();
    for (int f = 0; f < FEEDS.size(); f++) {
      List<RankedClip> sorted = new ArrayList<>(best.get(f));
      sorted.sort(RankedClip.ORDER);
      List<RankedClip> feed = new ArrayList<>(size);
      for (RankedClip clip : sorted) {
        if (feed.size() == size) {
          break;
        }
        if (taken.add(clip.key())) {
          feed.add(clip);
        }
      }
      out.add(feed);
    }
    return out;
  }
}

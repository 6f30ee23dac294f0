package org.videoannotator.learn;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;
import org.videoannotator.core.vectors.KeyIndex;
import org.videoannotator.learn.feeds.FeedInput;
import org.videoannotator.learn.feeds.FeedRegistry;
import org.videoannotator.learn.feeds.FeedStrategy;

/**
 * Fills every feed of {@link FeedRegistry} from one scoring of the corpus. Feeds are filled in the
 * registry's order; each skips already-labelled rows, and the feeds that {@linkplain
 * FeedStrategy#sharesRows() share rows} (top-positive, top-negative, borderline) also skip rows an
 * earlier one of them took, so no row appears in two of them. The random feed does not: it is a
 * uniform sample of every unlabelled row.
 */
public final class Feeds {
  /** The uncalibrated decision threshold. */
  public static final double THRESHOLD = 0.5;

  /** One feed: rows in serving order and their probabilities. */
  public record Feed(String id, int[] rows, float[] scores) {}

  /** The feeds of one build, by id in filling order, and the seed of its randomness. */
  public record FeedSet(Map<String, Feed> feeds, long seed) {
    public FeedSet {
      feeds = Collections.unmodifiableMap(new LinkedHashMap<>(feeds));
    }

    public Feed get(String id) {
      Feed feed = feeds.get(id);
      if (feed == null) {
        throw new IllegalArgumentException("no feed '" + id + "'; feeds are " + feeds.keySet());
      }
      return feed;
    }

    /** The keys of feed {@code id}'s rows, in feed order. */
    public List<String> keys(String id, KeyIndex index) {
      List<String> out = new ArrayList<>();
      for (int row : get(id).rows()) {
        out.add(index.key(row));
      }
      return out;
    }
  }

  private Feeds() {}

  /** Fills every feed with {@code size} rows (fewer when the corpus runs out). */
  public static FeedSet build(FeedInput input, IntPredicate labelled, int size) {
    if (size < 0) {
      throw new IllegalArgumentException("feed size must be >= 0, got " + size);
    }
    return build(input, labelled, id -> size);
  }

  /** Fills every feed, feed {@code id} with {@code sizes.applyAsInt(id)} rows. */
  public static FeedSet build(FeedInput input, IntPredicate labelled, ToIntFunction<String> sizes) {
    BitSet taken = new BitSet(input.rows());
    IntPredicate takenOrLabelled = row -> taken.get(row) || labelled.test(row);
    Map<String, Feed> feeds = new LinkedHashMap<>();
    for (FeedStrategy strategy : FeedRegistry.strategies()) {
      int[] rows =
          strategy.select(
              input,
              sizes.applyAsInt(strategy.id()),
              strategy.sharesRows() ? takenOrLabelled : labelled);
      float[] scores = new float[rows.length];
      for (int i = 0; i < rows.length; i++) {
        if (strategy.sharesRows()) {
          taken.set(rows[i]);
        }
        scores[i] = input.probabilities()[rows[i]];
      }
      feeds.put(strategy.id(), new Feed(strategy.id(), rows, scores));
    }
    return new FeedSet(feeds, input.seed());
  }

  /** The rows of {@code index} whose keys are in {@code keys} (unknown keys ignored). */
  public static BitSet rowsOf(KeyIndex index, Iterable<String> keys) {
    BitSet rows = new BitSet(index.size());
    for (String key : keys) {
      int row = index.rowOf(key);
      if (row >= 0) {
        rows.set(row);
      }
    }
    return rows;
  }
}

package org.videoannotator.learn;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.videoannotator.core.vectors.KeyIndex;

/**
 * The four annotation feeds of one build, from one scoring of the corpus: {@code top-positive}
 * (highest probabilities), {@code top-negative} (lowest: the model's most confident negatives),
 * {@code borderline} (nearest the 0.5 decision threshold) and {@code random} (uniform, seeded).
 * Feeds are filled in that order; each skips already-labelled rows and rows an earlier feed of the
 * same build took, so no row appears twice.
 */
public final class Feeds {
  /** The decision threshold borderline rows are nearest to. */
  public static final double THRESHOLD = 0.5;

  /** The kinds of feed, in filling order. */
  public enum Kind {
    TOP_POSITIVE("top-positive"),
    TOP_NEGATIVE("top-negative"),
    BORDERLINE("borderline"),
    RANDOM("random");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The wire name, e.g. {@code "top-positive"}. */
    public String id() {
      return id;
    }

    /** The kind named {@code id} (e.g. {@code "borderline"}). */
    public static Kind of(String id) {
      for (Kind k : values()) {
        if (k.id.equals(id)) {
          return k;
        }
      }
      throw new IllegalArgumentException(
          "unknown feed '" + id + "'; expected top-positive, top-negative, borderline or random");
    }
  }

  /** How many rows each feed gets. */
  public record Sizes(int topPositive, int topNegative, int borderline, int random) {
    public Sizes {
      if (topPositive < 0 || topNegative < 0 || borderline < 0 || random < 0) {
        throw new IllegalArgumentException(
            "feed sizes must be >= 0, got " + topPositive + ", " + topNegative + ", " + borderline
                + ", " + random);
      }
    }

    /** The same size for every feed. */
    public static Sizes each(int n) {
      return new Sizes(n, n, n, n);
    }

    int of(Kind kind) {
      return switch (kind) {
        case TOP_POSITIVE -> topPositive;
        case TOP_NEGATIVE -> topNegative;
        case BORDERLINE -> borderline;
        case RANDOM -> random;
      };
    }
  }

  /** One feed: rows best first (random: in draw order) and their probabilities. */
  public record Feed(Kind kind, int[] rows, float[] scores) {}

  /** The feeds of one build and the seed of its random feed. */
  public record FeedSet(Map<Kind, Feed> feeds, long randomSeed) {
    public Feed get(Kind kind) {
      return feeds.get(kind);
    }

    /** The keys of {@code kind}'s rows, in feed order. */
    public List<String> keys(Kind kind, KeyIndex index) {
      List<String> out = new ArrayList<>();
      for (int row : feeds.get(kind).rows()) {
        out.add(index.key(row));
      }
      return out;
    }
  }

  private Feeds() {}

  /**
   * Builds the four feeds.
   *
   * @param probabilities positive-class probability of every row
   * @param labelled rows already labelled (never offered)
   * @param sizes rows per feed (a feed gets fewer when the corpus runs out)
   * @param seed seed of the random feed ({@link NumpyRandomState})
   */
  public static FeedSet build(float[] probabilities, IntPredicate labelled, Sizes sizes, long seed) {
    return build(probabilities, labelled, sizes, seed, THRESHOLD);
  }

  /**
   * Builds the four feeds with the borderline feed around {@code threshold} (a calibrated model's
   * decision threshold, see {@link Calibration}) instead of 0.5.
   */
  public static FeedSet build(
      float[] probabilities, IntPredicate labelled, Sizes sizes, long seed, double threshold) {
    BitSet taken = new BitSet(probabilities.length);
    IntPredicate excluded = row -> taken.get(row) || labelled.test(row);
    Map<Kind, Feed> feeds = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      int k = sizes.of(kind);
      int[] rows = switch (kind) {
        case TOP_POSITIVE -> Selections.top(probabilities, k, excluded);
        case TOP_NEGATIVE -> Selections.bottom(probabilities, k, excluded);
        case BORDERLINE -> Selections.nearest(probabilities, threshold, k, excluded);
        case RANDOM -> randomRows(probabilities.length, k, excluded, seed);
      };
      float[] scores = new float[rows.length];
      for (int i = 0; i < rows.length; i++) {
        taken.set(rows[i]);
        scores[i] = probabilities[rows[i]];
      }
      feeds.put(kind, new Feed(kind, rows, scores));
    }
    return new FeedSet(feeds, seed);
  }

  /** Builds the feeds for a keyed corpus, excluding the keys in {@code labelledKeys}. */
  public static FeedSet build(
      float[] probabilities, KeyIndex index, Set<String> labelledKeys, Sizes sizes, long seed) {
    if (index.size() != probabilities.length) {
      throw new IllegalArgumentException(
          index.size() + " keys but " + probabilities.length + " scores");
    }
    BitSet labelled = new BitSet(index.size());
    for (String key : labelledKeys) {
      int row = index.rowOf(key);
      if (row >= 0) {
        labelled.set(row);
      }
    }
    return build(probabilities, labelled::get, sizes, seed);
  }

  /**
   * Up to {@code k} distinct rows drawn uniformly among those not excluded: rejection sampling while
   * eligible rows are plentiful, a seeded shuffle of the eligible rows otherwise.
   */
  static int[] randomRows(int n, int k, IntPredicate excluded, long seed) {
    NumpyRandomState rng = new NumpyRandomState(seed);
    BitSet chosen = new BitSet(n);
    int[] out = new int[k];
    int count = 0;
    int attempts = 0;
    while (count < k && n > 0 && attempts < 20 * k + 100) {
      int row = (int) rng.randint(0, n);
      attempts++;
      if (!excluded.test(row) && !chosen.get(row)) {
        chosen.set(row);
        out[count++] = row;
      }
    }
    if (count < k) {
      List<Integer> rest = new ArrayList<>();
      for (int row = 0; row < n; row++) {
        if (!excluded.test(row) && !chosen.get(row)) {
          rest.add(row);
        }
      }
      rng.shuffle(rest);
      for (int i = 0; i < rest.size() && count < k; i++) {
        out[count++] = rest.get(i);
      }
    }
    return java.util.Arrays.copyOf(out, count);
  }
}

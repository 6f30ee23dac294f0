package org.videoannotator.index;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.videoannotator.core.UserException;

/**
 * One search of a corpus: a vector query, words, or both (hybrid), with paging and filters that
 * Lucene applies inside the search (so {@code k} hits are found among the clips that pass, not cut
 * from a longer list afterwards). Build one with {@link #builder()}.
 *
 * @param vector where the query vector comes from, if any
 * @param words full-text query over title and text (English stemming), {@code ""} for none
 * @param k hits to return (1..10,000)
 * @param offset hits to skip first (paging)
 * @param videos only clips of these videos (empty = all)
 * @param includeKeys only these clips (empty = all)
 * @param excludeKeys never these clips (e.g. the labelled ones, for "unlabelled only")
 * @param minScore vector hits with an exact cosine below this are dropped (vector and hybrid
 *     searches; {@code -Infinity} keeps all)
 * @param engine how vector candidates are gathered ({@link VectorEngine})
 */
public record SearchRequest(
    Optional<VectorQuery> vector,
    String words,
    int k,
    int offset,
    Set<String> videos,
    Set<String> includeKeys,
    Set<String> excludeKeys,
    double minScore,
    VectorEngine engine) {

  public static final int MAX_K = 10_000;

  public SearchRequest {
    Objects.requireNonNull(vector, "vector");
    words = words == null ? "" : words.strip();
    if (vector.isEmpty() && words.isEmpty()) {
      throw new UserException("a search needs a vector query, words, or both");
    }
    if (k < 1 || k > MAX_K) {
      throw new UserException("k must be in 1.." + MAX_K + ", got " + k);
    }
    if (offset < 0 || (long) offset + k > Integer.MAX_VALUE / 2) {
      throw new UserException("bad offset " + offset);
    }
    videos = Set.copyOf(videos);
    includeKeys = Set.copyOf(includeKeys);
    excludeKeys = Set.copyOf(excludeKeys);
    engine = engine == null ? VectorEngine.AUTO : engine;
    if (Double.isNaN(minScore)) {
      throw new UserException("minScore must be a number or -Infinity, got NaN");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when any filter restricts the clips. */
  public boolean filtered() {
    return !videos.isEmpty() || !includeKeys.isEmpty() || !excludeKeys.isEmpty();
  }

  /** Fluent construction; every setter replaces the previous value. */
  public static final class Builder {
    private VectorQuery vector;
    private String words = "";
    private int k = 10;
    private int offset;
    private Set<String> videos = Set.of();
    private Set<String> includeKeys = Set.of();
    private Set<String> excludeKeys = Set.of();
    private double minScore = Double.NEGATIVE_INFINITY;
    private VectorEngine engine = VectorEngine.AUTO;

    private Builder() {}

    /** Text-to-video: {@code text} through {@code encoder} (null: fall back to full-text). */
    public Builder text(String text, TextEncoder encoder) {
      vector = new VectorQuery.Text(text, encoder);
      return this;
    }

    public Builder namedQuery(String name) {
      vector = new VectorQuery.Named(name);
      return this;
    }

    public Builder like(Collection<String> keys) {
      vector = new VectorQuery.Like(List.copyOf(keys));
      return this;
    }

    public Builder like(String... keys) {
      return like(List.of(keys));
    }

    public Builder vector(float[] vector) {
      this.vector = new VectorQuery.Raw(vector);
      return this;
    }

    public Builder vectorQuery(VectorQuery query) {
      vector = query;
      return this;
    }

    /** Full-text words; combined with a vector query this makes a hybrid search. */
    public Builder words(String words) {
      this.words = words;
      return this;
    }

    public Builder k(int k) {
      this.k = k;
      return this;
    }

    public Builder offset(int offset) {
      this.offset = offset;
      return this;
    }

    public Builder videos(Collection<String> videos) {
      this.videos = Set.copyOf(videos);
      return this;
    }

    public Builder includeKeys(Collection<String> keys) {
      this.includeKeys = Set.copyOf(keys);
      return this;
    }

    public Builder excludeKeys(Collection<String> keys) {
      this.excludeKeys = Set.copyOf(keys);
      return this;
    }

    /** Drops vector hits whose exact cosine is below {@code minScore}. */
    public Builder minScore(double minScore) {
      this.minScore = minScore;
      return this;
    }

    /**
     * How vector candidates are gathered (default {@link VectorEngine#AUTO}); for benchmarks and
     * tests.
     */
    public Builder engine(VectorEngine engine) {
      this.engine = engine;
      return this;
    }

    public SearchRequest build() {
      return new SearchRequest(
          Optional.ofNullable(vector),
          words,
          k,
          offset,
          videos,
          includeKeys,
          excludeKeys,
          minScore,
          engine);
    }
  }
}

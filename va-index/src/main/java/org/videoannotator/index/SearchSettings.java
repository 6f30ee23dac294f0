package org.videoannotator.index;

/**
 * How many approximate candidates a corpus gathers from its vector store before re-scoring them
 * exactly, whatever the store. (How a store builds its graph is that store's own setting: see its
 * {@link org.videoannotator.index.store.VectorStoreProvider}.)
 *
 * @param minCandidates candidates gathered per search at least (an HNSW store's k, i.e. efSearch)
 * @param candidateFactor a search for {@code n = offset + k} hits gathers {@code max(minCandidates,
 *     ceil(candidateFactor * n))} candidates, re-scores them exactly and keeps the best {@code n}:
 *     recall@k grows with the factor, latency too
 */
public record SearchSettings(int minCandidates, double candidateFactor) {

  /** Chosen by {@code va bench index}: recall@10 of HNSW rises with the candidates gathered. */
  public static final int DEFAULT_MIN_CANDIDATES = 100;

  /** Chosen by {@code va bench index}: see va-index/README.md for the measured grid. */
  public static final double DEFAULT_CANDIDATE_FACTOR = 2;

  public SearchSettings {
    if (minCandidates < 1 || minCandidates > SearchRequest.MAX_K) {
      throw new IllegalArgumentException(
          "minCandidates must be in 1.." + SearchRequest.MAX_K + ", got " + minCandidates);
    }
    if (!(candidateFactor >= 1) || candidateFactor > 100) {
      throw new IllegalArgumentException(
          "candidateFactor must be in [1, 100], got " + candidateFactor);
    }
  }

  /** Candidates gathered for a search that must return the best {@code wanted} rows. */
  public int candidatesFor(int wanted) {
    return (int)
        Math.max(
            minCandidates, Math.min(Integer.MAX_VALUE / 2, Math.ceil(candidateFactor * wanted)));
  }

  public static SearchSettings defaults() {
    return new SearchSettings(DEFAULT_MIN_CANDIDATES, DEFAULT_CANDIDATE_FACTOR);
  }
}

package org.videoannotator.index;

import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * How a corpus builds and searches its HNSW graph. Build parameters ({@code m}, {@code beamWidth})
 * apply to segments written from now on; Lucene records nothing of them that readers need.
 *
 * @param m max neighbours per HNSW node (Lucene's maxConn)
 * @param beamWidth candidates kept while inserting a node (Lucene's beamWidth / efConstruction)
 * @param mergeWorkers threads that build merged graphs (1 = the merging thread only)
 * @param ramBufferMb indexing buffer before Lucene flushes a segment
 * @param minCandidates HNSW candidates gathered per search at least (Lucene's k, i.e. efSearch)
 * @param candidateFactor a search for {@code n = offset + k} hits gathers {@code
 *     max(minCandidates, ceil(candidateFactor * n))} candidates, re-scores them exactly and keeps
 *     the best {@code n}: recall@k grows with the factor, latency too
 */
public record IndexSettings(
    int m, int beamWidth, int mergeWorkers, double ramBufferMb, int minCandidates,
    double candidateFactor) {

  /** Chosen by {@code va bench index}: see va-index/README.md for the measured grid. */
  public static final int DEFAULT_M = 16;

  /** Chosen by {@code va bench index}: see va-index/README.md for the measured grid. */
  public static final int DEFAULT_BEAM_WIDTH = 100;

  /** Chosen by {@code va bench index}: recall@10 of HNSW rises with the candidates gathered. */
  public static final int DEFAULT_MIN_CANDIDATES = 100;

  /** Chosen by {@code va bench index}: see va-index/README.md for the measured grid. */
  public static final double DEFAULT_CANDIDATE_FACTOR = 2;

  public static final int DEFAULT_MERGE_WORKERS = 2;

  public static final double DEFAULT_RAM_BUFFER_MB = 256;

  public IndexSettings {
    // Lucene's own bounds (every store builds an HNSW graph with these meanings).
    if (m < 2 || m > Lucene99HnswVectorsFormat.MAXIMUM_MAX_CONN) {
      throw new IllegalArgumentException("HNSW M must be in 2.." + Lucene99HnswVectorsFormat.MAXIMUM_MAX_CONN + ", got " + m);
    }
    if (beamWidth < 1 || beamWidth > Lucene99HnswVectorsFormat.MAXIMUM_BEAM_WIDTH) {
      throw new IllegalArgumentException("HNSW beam width must be in 1.." + Lucene99HnswVectorsFormat.MAXIMUM_BEAM_WIDTH + ", got " + beamWidth);
    }
    if (mergeWorkers < 1) {
      throw new IllegalArgumentException("mergeWorkers must be >= 1, got " + mergeWorkers);
    }
    if (!(ramBufferMb >= 1)) {
      throw new IllegalArgumentException("ramBufferMb must be >= 1, got " + ramBufferMb);
    }
    if (minCandidates < 1 || minCandidates > SearchRequest.MAX_K) {
      throw new IllegalArgumentException(
          "minCandidates must be in 1.." + SearchRequest.MAX_K + ", got " + minCandidates);
    }
    if (!(candidateFactor >= 1) || candidateFactor > 100) {
      throw new IllegalArgumentException("candidateFactor must be in [1, 100], got " + candidateFactor);
    }
  }

  /** HNSW candidates gathered for a search that must return the best {@code wanted} rows. */
  public int candidatesFor(int wanted) {
    return (int) Math.max(minCandidates, Math.min(Integer.MAX_VALUE / 2, Math.ceil(candidateFactor * wanted)));
  }

  public static IndexSettings defaults() {
    return new IndexSettings(
        DEFAULT_M, DEFAULT_BEAM_WIDTH, DEFAULT_MERGE_WORKERS, DEFAULT_RAM_BUFFER_MB,
        DEFAULT_MIN_CANDIDATES, DEFAULT_CANDIDATE_FACTOR);
  }

  public IndexSettings withGraph(int newM, int newBeamWidth) {
    return new IndexSettings(newM, newBeamWidth, mergeWorkers, ramBufferMb, minCandidates, candidateFactor);
  }

  /** The same index searched with another candidate rule. */
  public IndexSettings withCandidates(int newMinCandidates, double newCandidateFactor) {
    return new IndexSettings(m, beamWidth, mergeWorkers, ramBufferMb, newMinCandidates, newCandidateFactor);
  }
}

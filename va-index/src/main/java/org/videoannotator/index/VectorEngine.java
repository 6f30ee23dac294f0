package org.videoannotator.index;

/**
 * How a vector query gathers its candidates (every candidate is then re-scored exactly).
 *
 * <ul>
 *   <li>{@link #SCAN}: every row's int8 copy is scored ({@link QuantizedRows}), the best re-scored
 *       on the float vectors: recall does not depend on where the query lies, so text queries (far
 *       from every clip: the modality gap) and by-example queries are found alike.
 *   <li>{@link #GRAPH}: the store's approximate nearest neighbours (HNSW in Lucene or OpenSearch).
 *   <li>{@link #AUTO} (default): {@code SCAN} while the corpus is small enough for a scan to answer
 *       interactively ({@link #SCAN_LIMIT}), unless a video filter is given that the store cannot
 *       turn into rows (the scan knows rows and keys, not videos); {@code GRAPH} otherwise. A store
 *       without a graph (lucene {@code graph=none}) is always scanned.
 * </ul>
 */
public enum VectorEngine {
  AUTO,
  SCAN,
  GRAPH;

  /**
   * Components (rows x dimension) up to which {@link #AUTO} scans: 2^30, e.g. 2 million x 512.
   * Measured with {@code va bench index}: the scan reads 500,000 x 512 int8 codes in a p50 of a few
   * milliseconds on two cores (va-index/README.md), so it stays interactive up to a few million
   * rows; beyond, the graph answers in logarithmic time.
   */
  public static final long SCAN_LIMIT = 1L << 30;

  /**
   * The engine {@code this} means for a corpus of {@code rows x dim} whose store has a graph or not
   * (the scan applies every filter: the text index lists a video's rows whatever the store).
   */
  VectorEngine resolve(long rows, int dim, boolean storeHasGraph) {
    if (!storeHasGraph) {
      return SCAN;
    }
    if (this != AUTO) {
      return this;
    }
    return rows * dim <= SCAN_LIMIT ? SCAN : GRAPH;
  }
}

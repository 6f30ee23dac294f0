package org.videoannotator.index.store;

import java.util.List;

/**
 * Where a corpus keeps its vectors for approximate nearest-neighbour search, with the filter fields
 * (video, key) that search applies inside. Only vectors: the clip text is searched by the corpus's
 * own text index (Lucene BM25 in the corpus folder) whatever the store, and the corpus re-scores
 * every candidate exactly, fuses hybrid rankings and pages, so an ANN-only store (an HNSW library,
 * a database's vector column) implements just this and {@link RowIndex}'s write lifecycle.
 *
 * <p>Implementations: {@code lucene} (in-process, in the corpus folder) and {@code opensearch} (a
 * cluster over HTTP); add one with a {@link VectorStoreProvider}.
 */
public interface VectorStore extends RowIndex {
  /**
   * The {@code n} nearest rows to the unit-length {@code query} (by the store's approximate search)
   * among rows {@code < rowLimit} that pass {@code filter}, the filter applied inside the search
   * (so a selective filter still returns {@code n} rows when that many pass). Scores are the
   * store's; the corpus re-scores exactly.
   */
  List<RowScore> nearest(float[] query, int n, ClipFilter filter, int rowLimit);

  /**
   * Whether {@link #nearest} can be called: false for a store that keeps no vectors (a graph-less
   * Lucene store, {@code graph=none}), whose corpus always scans its own vectors.
   */
  default boolean searchesVectors() {
    return true;
  }

  /** What the store holds and how it is laid out. */
  IndexStats stats();

  /**
   * Deletes everything the store keeps outside the corpus folder (an OpenSearch index), for a
   * corpus being thrown away; the folder itself is the caller's to delete. Then close it.
   */
  default void destroy() {}
}

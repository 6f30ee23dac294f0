package org.videoannotator.index.store;

import java.util.List;
import java.util.Optional;

/**
 * Where a corpus keeps its clips for approximate search: vectors (approximate nearest
 * neighbours), titles and texts (full text), and the filter fields (video, key). The corpus's own
 * files stay the source of truth (rows, keys, clip metadata, the exact vectors); a store holds a
 * searchable copy addressed by row, and {@link org.videoannotator.index.Corpus} re-scores every
 * candidate exactly, fuses hybrid rankings and pages, so every store gets those for free.
 *
 * <p>Durability contract: rows added are invisible to searches until {@link #commit}; a commit
 * records how many rows the store covers ({@link #committedRows}), so the corpus can tell a store
 * that is ahead of its manifest (an append that crashed before the manifest landed: {@link
 * #deleteRowsFrom}) from one that is behind (reindex the missing rows).
 *
 * <p>Threads: searches may run concurrently with each other and with one writer; the corpus
 * serialises writes. Implementations: {@code lucene} (in-process, in the corpus folder) and
 * {@code opensearch} (a cluster over HTTP); add one with a {@link VectorIndexProvider}.
 */
public interface VectorIndex extends AutoCloseable {
  /**
   * Takes the store's single-writer lock before the corpus's first write (held until
   * {@link #close}); another process writing the same corpus is a user error naming it.
   */
  void beginWriting();

  /** Buffers {@code clips} (rows above {@link #committedRows}); visible after {@link #commit}. */
  void add(List<IndexedClip> clips);

  /** Makes everything added visible and durable, recording that the store covers {@code rows}. */
  void commit(long rows);

  /** Rows covered by the latest commit, or -1 when the store has never been committed. */
  long committedRows();

  /** Drops every row {@code >= rows} and commits (the tail of an append that never landed). */
  void deleteRowsFrom(long rows);

  /** Forgets rows added since the last commit (after a failed append). */
  void discardUncommitted();

  /**
   * The {@code n} nearest rows to the unit-length {@code query} (by the store's approximate
   * search) among rows {@code < rowLimit} that pass {@code filter}, the filter applied inside the
   * search (so a selective filter still returns {@code n} rows when that many pass). Scores are
   * the store's; the corpus re-scores exactly.
   */
  List<RowScore> nearest(float[] query, int n, ClipFilter filter, int rowLimit);

  /**
   * The best {@code n} rows for {@code words} by full-text relevance over title (weighted 2) and
   * text, English-stemmed, among rows {@code < rowLimit} passing {@code filter}; empty when the
   * words hold no searchable term (only stop words or symbols).
   */
  Optional<List<RowScore>> matchWords(String words, int n, ClipFilter filter, int rowLimit);

  /**
   * Whether the corpus may rebuild a missing copy when it opens or writes (true for the Lucene
   * index in the corpus folder, part of its crash recovery); false for a copy kept elsewhere (an
   * OpenSearch index deleted behind the corpus's back is reported and rebuilt only by {@code va
   * store reindex}, never as a side effect of opening or appending).
   */
  default boolean rebuildsSilently() {
    return true;
  }

  /**
   * Whether {@link #nearest} can be called: false for a store that keeps no vectors (a graph-less
   * Lucene index, {@code graph=none}), whose corpus always scans its own vectors.
   */
  default boolean searchesVectors() {
    return true;
  }

  /**
   * The rows below {@code rowLimit} of clips of {@code videos}, when the store can list them
   * cheaply (a scan then applies a video filter itself); empty when it cannot.
   */
  default Optional<java.util.BitSet> rowsOfVideos(java.util.Set<String> videos, int rowLimit) {
    return Optional.empty();
  }

  /** Reorganises the store for the fastest search (e.g. one HNSW graph); may take long. */
  void optimize(long rows);

  /** What the store holds and how it is laid out. */
  IndexStats stats();

  /**
   * Deletes everything the store keeps outside the corpus folder (an OpenSearch index), for a
   * corpus being thrown away; the folder itself is the caller's to delete. Then close it.
   */
  default void destroy() {}

  @Override
  void close();
}

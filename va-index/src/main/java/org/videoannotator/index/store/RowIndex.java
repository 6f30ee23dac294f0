package org.videoannotator.index.store;

import java.util.List;

/**
 * A searchable copy of a corpus's rows, kept in line with the corpus's manifest: the write
 * lifecycle that the {@link VectorStore} and the text index share, so the corpus appends to,
 * recovers and reindexes both the same way. The corpus's own files stay the source of truth (rows,
 * keys, clip metadata, the exact vectors); a copy is addressed by row.
 *
 * <p>Durability contract: rows added are invisible to searches until {@link #commit}; a commit
 * records how many rows the copy covers ({@link #committedRows}), so the corpus can tell a copy
 * that is ahead of its manifest (an append that crashed before the manifest landed: {@link
 * #deleteRowsFrom}) from one that is behind (reindex the missing rows).
 *
 * <p>Threads: searches may run concurrently with each other and with one writer; the corpus
 * serialises writes.
 */
public interface RowIndex extends AutoCloseable {
  /**
   * Takes the copy's single-writer lock before the corpus's first write (held until {@link
   * #close}); another process writing the same corpus is a user error naming it.
   */
  void beginWriting();

  /** Buffers {@code clips} (rows above {@link #committedRows}); visible after {@link #commit}. */
  void add(List<IndexedClip> clips);

  /** Makes everything added visible and durable, recording that the copy covers {@code rows}. */
  void commit(long rows);

  /** Rows covered by the latest commit, or -1 when the copy has never been committed. */
  long committedRows();

  /** Drops every row {@code >= rows} and commits (the tail of an append that never landed). */
  void deleteRowsFrom(long rows);

  /** Forgets rows added since the last commit (after a failed append). */
  void discardUncommitted();

  /** Reorganises the copy for the fastest search (e.g. one segment); may take long. */
  void optimize(long rows);

  /**
   * Whether the corpus may rebuild a missing copy when it opens or writes (true for copies in the
   * corpus folder, part of its crash recovery); false for a copy kept elsewhere (an OpenSearch
   * index deleted behind the corpus's back is reported and rebuilt only by {@code va store
   * reindex}, never as a side effect of opening or appending).
   */
  default boolean rebuildsSilently() {
    return true;
  }

  @Override
  void close();
}

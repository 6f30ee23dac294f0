package org.videoannotator.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.core.vectors.VectorMath;
import org.videoannotator.index.store.IndexedClip;
import org.videoannotator.index.store.RowIndex;
import org.videoannotator.index.store.StoreUnavailableException;

/**
 * Appends to a corpus. Durability: an append writes the vectors, keys and clip metadata after the
 * committed rows and fsyncs them, then commits the rows to each searchable copy (the text index and
 * the vector store), then atomically replaces the manifest with the new row count. A crash at any
 * point leaves the previous manifest, whose count says which rows are real; readers ignore anything
 * beyond it, and the next writer ({@link #prepare}) cuts it off and brings each copy in line.
 *
 * <p>Not thread-safe: the corpus serialises writers.
 */
final class CorpusWriter {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusWriter.class);
  private static final int REINDEX_BATCH = 10_000;

  private final CorpusState state;
  private final ClipRows rows;

  /** The text index and the vector store: every copy is written, recovered and rebuilt alike. */
  private final List<RowIndex> copies;

  private boolean ready;

  CorpusWriter(CorpusState state, ClipRows rows, List<RowIndex> copies) {
    this.state = state;
    this.rows = rows;
    this.copies = List.copyOf(copies);
  }

  AppendResult append(List<ClipVector> batch, boolean skipPresent) {
    List<String> skipped = new ArrayList<>();
    List<Clip> clips = new ArrayList<>(batch.size());
    List<float[]> vectors = new ArrayList<>(batch.size());
    Set<String> seen = new HashSet<>();
    int dim = state.dimension();
    for (ClipVector cv : batch) {
      String key = cv.clip().key();
      if (rows.rowOf(key, state.size()) >= 0 || !seen.add(key)) {
        if (!skipPresent) {
          throw new UserException(
              "corpus "
                  + state.dir()
                  + " already holds clip '"
                  + key
                  + "' (or the batch repeats it);"
                  + " keys must be unique: skip clips already present");
        }
        skipped.add(key);
        continue;
      }
      vectors.add(VectorMath.normalisedCopy(cv.vector(), dim, "vector of clip '" + key + "'"));
      clips.add(cv.clip());
    }
    if (clips.isEmpty()) {
      return new AppendResult(0, skipped);
    }
    prepare();
    int start = state.size();
    int end = Math.addExact(start, clips.size());
    try {
      rows.write(start, clips, vectors);
      List<IndexedClip> indexed = new ArrayList<>(clips.size());
      for (int i = 0; i < clips.size(); i++) {
        indexed.add(new IndexedClip(start + i, clips.get(i), vectors.get(i)));
      }
      for (RowIndex copy : copies) {
        copy.add(indexed);
        copy.commit(end);
      }
      state.commit(state.manifest().withCount(end, Instant.now().toString()));
    } catch (IOException | RuntimeException e) {
      rollback(start);
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new UncheckedIOException("cannot append to corpus " + state.dir(), (IOException) e);
    }
    rows.publish(start, clips);
    return new AppendResult(clips.size(), skipped);
  }

  /** Puts the files back to {@code count} rows after a failed append (best effort). */
  private void rollback(int count) {
    // Rows added but not committed must never reach a later commit: drop them; the next append
    // runs the recovery of prepare() again.
    ready = false;
    try {
      for (RowIndex copy : copies) {
        copy.discardUncommitted();
      }
      rows.truncate(count);
    } catch (RuntimeException e) {
      LOG.warn(
          "rollback of corpus {} to {} rows failed ({}); reopening will recover",
          state.dir(),
          count,
          e.toString());
    }
  }

  /**
   * Brings the files and every copy in line with the manifest before the first write: cuts off
   * tails of an interrupted append, deletes copied rows the manifest never committed, and indexes
   * committed rows a copy lacks (all of them for a text index that is missing).
   */
  void prepare() {
    if (!ready) {
      bringInLine(copies);
      ready = true;
    }
  }

  /**
   * Brings only {@code some} of the copies in line: for a corpus that opens while its store is out
   * of reach, its text index (the next write still brings every copy in line).
   */
  void prepare(List<RowIndex> some) {
    if (!ready) {
      bringInLine(some);
    }
  }

  private void bringInLine(List<RowIndex> some) {
    for (RowIndex copy : some) {
      copy.beginWriting();
    }
    CorpusManifest onDisk = CorpusManifest.read(state.layout);
    if (onDisk.count() != state.manifest().count()) {
      throw new UserException(
          "corpus "
              + state.dir()
              + " changed on disk since it was opened ("
              + state.manifest().count()
              + " -> "
              + onDisk.count()
              + " clips); reopen it");
    }
    int count = state.size();
    rows.truncate(count);
    for (RowIndex copy : some) {
      long indexed = copy.committedRows();
      if (indexed < 0 && count > 0 && !copy.rebuildsSilently()) {
        throw new StoreUnavailableException(state.storeMissingFact(), state.reindexHint(), null);
      }
      if (indexed != count) {
        long from = Math.max(0, Math.min(indexed, count));
        copy.deleteRowsFrom(from);
        if (from < count) {
          LOG.warn(
              "corpus {}: indexing rows {}..{} missing from {}",
              state.dir(),
              from,
              count - 1,
              copy.getClass().getSimpleName());
          copyRows(rows, copy, (int) from, count);
        }
      }
    }
  }

  /**
   * Adds rows {@code [from, to)} to {@code target} in committed batches (a recovery, a store move).
   */
  static void copyRows(ClipRows rows, RowIndex target, int from, int to) {
    try (FloatMatrix matrix = rows.mapPrivately(to)) {
      for (int start = from; start < to; start += REINDEX_BATCH) {
        int stop = Math.min(to, start + REINDEX_BATCH);
        List<IndexedClip> clips = new ArrayList<>(stop - start);
        for (int row = start; row < stop; row++) {
          clips.add(new IndexedClip(row, rows.clipAt(row), matrix.row(row)));
        }
        target.add(clips);
        target.commit(stop);
      }
    }
    if (from >= to) {
      target.commit(to);
    }
  }

  /** Merges every copy for the fastest search (one HNSW graph). */
  void optimize() {
    prepare();
    for (RowIndex copy : copies) {
      copy.optimize(state.size());
    }
  }
}

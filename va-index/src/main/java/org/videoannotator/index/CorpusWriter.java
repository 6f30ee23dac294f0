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
import org.videoannotator.index.store.StoreUnavailableException;
import org.videoannotator.index.store.VectorIndex;

/**
 * Appends to a corpus. Durability: an append writes the vectors, keys and clip metadata after the
 * committed rows and fsyncs them, then commits the rows to the vector store, then atomically
 * replaces the manifest with the new row count. A crash at any point leaves the previous manifest,
 * whose count says which rows are real; readers ignore anything beyond it, and the next writer
 * ({@link #prepare}) cuts it off and brings the store in line.
 *
 * <p>Not thread-safe: the corpus serialises writers.
 */
final class CorpusWriter {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusWriter.class);
  private static final int REINDEX_BATCH = 10_000;

  private final Corpus corpus;
  private final ClipRows rows;
  private final VectorIndex index;
  private boolean ready;

  CorpusWriter(Corpus corpus, ClipRows rows, VectorIndex index) {
    this.corpus = corpus;
    this.rows = rows;
    this.index = index;
  }

  AppendResult append(List<ClipVector> batch, boolean skipPresent) {
    List<String> skipped = new ArrayList<>();
    List<Clip> clips = new ArrayList<>(batch.size());
    List<float[]> vectors = new ArrayList<>(batch.size());
    Set<String> seen = new HashSet<>();
    int dim = corpus.dimension();
    for (ClipVector cv : batch) {
      String key = cv.clip().key();
      if (corpus.hasKey(key) || !seen.add(key)) {
        if (!skipPresent) {
          throw new UserException(
              "corpus " + corpus.dir() + " already holds clip '" + key + "' (or the batch repeats it);"
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
    int start = corpus.size();
    int end = Math.addExact(start, clips.size());
    try {
      rows.write(start, clips, vectors);
      List<IndexedClip> indexed = new ArrayList<>(clips.size());
      for (int i = 0; i < clips.size(); i++) {
        indexed.add(new IndexedClip(start + i, clips.get(i), vectors.get(i)));
      }
      index.add(indexed);
      index.commit(end);
      commitManifest(end);
    } catch (IOException | RuntimeException e) {
      rollback(start);
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new UncheckedIOException("cannot append to corpus " + corpus.dir(), (IOException) e);
    }
    rows.publish(start, clips);
    return new AppendResult(clips.size(), skipped);
  }

  private void commitManifest(long count) {
    CorpusManifest next = corpus.manifest().withCount(count, Instant.now().toString());
    next.write(corpus.layout());
    corpus.manifestCommitted(next);
  }

  /** Puts the files back to {@code count} rows after a failed append (best effort). */
  private void rollback(int count) {
    // Rows added but not committed must never reach a later commit: drop them; the next append
    // runs the recovery of prepare() again.
    ready = false;
    try {
      index.discardUncommitted();
      rows.truncate(count);
    } catch (RuntimeException e) {
      LOG.warn("rollback of corpus {} to {} rows failed ({}); reopening will recover", corpus.dir(), count, e.toString());
    }
  }

  /**
   * Brings the files and the store in line with the manifest before the first write: cuts off
   * tails of an interrupted append, deletes store rows the manifest never committed, and indexes
   * committed rows the store lacks.
   */
  void prepare() {
    if (ready) {
      return;
    }
    index.beginWriting();
    CorpusManifest onDisk = CorpusManifest.read(corpus.layout());
    if (onDisk.count() != corpus.manifest().count()) {
      throw new UserException(
          "corpus " + corpus.dir() + " changed on disk since it was opened (" + corpus.manifest().count()
              + " -> " + onDisk.count() + " clips); reopen it");
    }
    int count = corpus.size();
    rows.truncate(count);
    long indexed = index.committedRows();
    if (indexed < 0 && count > 0 && !index.rebuildsSilently()) {
      throw new StoreUnavailableException(corpus.storeMissingFact(), corpus.reindexHint(), null);
    }
    if (indexed != count) {
      long from = Math.max(0, Math.min(indexed, count));
      index.deleteRowsFrom(from);
      if (from < count) {
        LOG.warn("corpus {}: indexing rows {}..{} missing from the vector store", corpus.dir(), from, count - 1);
        reindex((int) from, count);
      }
    }
    ready = true;
  }

  private void reindex(int from, int to) {
    copyRows(rows, index, from, to);
  }

  /** Adds rows {@code [0, to)} to {@code target} in committed batches (a store move). */
  static void copyRows(ClipRows rows, VectorIndex target, int to) {
    copyRows(rows, target, 0, to);
  }

  private static void copyRows(ClipRows rows, VectorIndex target, int from, int to) {
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

  /** Merges the store for the fastest search (one HNSW graph). */
  void optimize() {
    prepare();
    index.optimize(corpus.size());
  }
}

package org.videoannotator.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.videoannotator.core.Json;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.core.vectors.KeyIndex;
import org.videoannotator.core.vectors.KeyedMatrix;

/**
 * The corpus's rows, the source of truth whatever the vector store: vectors ({@code vectors.f32}),
 * keys ({@code keys.txt}) and clip metadata ({@code clips.jsonl}), plus the key-to-row map. Rows at
 * or past the committed count (the caller's {@code size}) are an unfinished append's tail and are
 * never returned.
 *
 * <p>Threads: reads may run concurrently with each other and with one append.
 */
final class ClipRows implements AutoCloseable {
  private final CorpusLayout layout;
  private final VectorFile vectorFile;
  private final LineFile keysFile;
  private final LineFile clipsFile;
  private final Map<String, Integer> rowsByKey;
  // Keys in row order; may run ahead of size during an append (readers stop at size).
  private final List<String> keysByRow;
  private KeyedMatrix view;
  private FloatMatrix mapped;
  // Every mapping handed out, unmapped only at close() so that no reader is left with a dead view.
  private final List<FloatMatrix> mappings = new ArrayList<>();

  ClipRows(CorpusLayout layout, int dimension, int count) {
    this.layout = layout;
    this.vectorFile = new VectorFile(layout.vectors(), dimension);
    vectorFile.checkHolds(count);
    this.keysFile = LineFile.open(layout.keys(), count, true);
    try {
      this.clipsFile = LineFile.open(layout.clips(), count, true);
    } catch (RuntimeException e) {
      keysFile.close();
      throw e;
    }
    this.keysByRow = new ArrayList<>(keysFile.readAll());
    this.rowsByKey = new ConcurrentHashMap<>(Math.max(16, count * 4 / 3 + 1));
    for (int row = 0; row < count; row++) {
      rowsByKey.put(keysByRow.get(row), row);
    }
  }

  /** Row of {@code key} among the first {@code size} rows, or -1. */
  int rowOf(String key, int size) {
    Integer row = rowsByKey.get(key);
    return row != null && row < size ? row : -1;
  }

  Clip clipAt(int row) {
    String line = clipsFile.line(row);
    try {
      return Json.mapper().readValue(line, Clip.class);
    } catch (IOException e) {
      throw new CorpusDamagedException(
          layout.dir() + ": clip row " + row + " is not valid JSON (" + e.getMessage() + ")");
    }
  }

  List<String> keys(int size) {
    synchronized (keysByRow) {
      return List.copyOf(keysByRow.subList(0, size));
    }
  }

  /** The first {@code size} rows, memory-mapped (re-mapped after an append); owned here. */
  synchronized FloatMatrix matrix(int size) {
    if (mapped == null || mapped.rows() != size) {
      mapped = vectorFile.map(size);
      mappings.add(mapped);
    }
    return mapped;
  }

  synchronized KeyedMatrix keyed(int size) {
    FloatMatrix matrix = matrix(size);
    if (view == null || view.matrix() != matrix) {
      view = new KeyedMatrix(KeyIndex.of(keys(size), layout.keys().toString()), matrix);
    }
    return view;
  }

  /** A fresh mapping of the first {@code size} rows that the caller closes. */
  FloatMatrix mapPrivately(int size) {
    return vectorFile.map(size);
  }

  /** Writes rows {@code start...} to all three files and forces them (not yet committed). */
  void write(int start, List<Clip> clips, List<float[]> vectors) throws IOException {
    vectorFile.append(start, vectors);
    List<String> keyLines = new ArrayList<>(clips.size());
    List<String> clipLines = new ArrayList<>(clips.size());
    for (Clip clip : clips) {
      keyLines.add(clip.key());
      clipLines.add(Json.mapper().writeValueAsString(clip));
    }
    keysFile.append(keyLines);
    clipsFile.append(clipLines);
  }

  /** Makes written rows {@code start...} findable by key (after the manifest committed them). */
  void publish(int start, List<Clip> clips) {
    synchronized (keysByRow) {
      for (int i = 0; i < clips.size(); i++) {
        keysByRow.add(clips.get(i).key());
        rowsByKey.put(clips.get(i).key(), start + i);
      }
    }
  }

  /** Cuts all three files back to {@code count} rows. */
  void truncate(int count) {
    keysFile.truncate(Math.min(count, keysFile.rows()));
    clipsFile.truncate(Math.min(count, clipsFile.rows()));
    vectorFile.truncate(count);
  }

  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    for (AutoCloseable c : List.<AutoCloseable>of(keysFile, clipsFile)) {
      try {
        c.close();
      } catch (Exception e) {
        failure =
            failure == null ? new RuntimeException("closing corpus " + layout.dir(), e) : failure;
      }
    }
    mappings.forEach(FloatMatrix::close);
    if (failure != null) {
      throw failure;
    }
  }
}

package org.videoannotator.core.vectors;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shot keys of a matrix in row order, with a hash lookup from key to row. Keys are arbitrary
 * strings (e.g. {@code "youtubeId|frame_in"}), never row numbers. Immutable.
 */
public final class KeyIndex {
  private final List<String> keys;
  private final Map<String, Integer> rows;

  private KeyIndex(List<String> keys, Map<String, Integer> rows) {
    this.keys = keys;
    this.rows = rows;
  }

  /**
   * Indexes {@code keys}; a duplicate key is an error naming {@code source}, the key and both rows.
   */
  public static KeyIndex of(List<String> keys, String source) {
    Map<String, Integer> rows = HashMap.newHashMap(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      if (key == null || key.isEmpty()) {
        throw new IllegalArgumentException(source + ": empty key at row " + i);
      }
      Integer previous = rows.putIfAbsent(key, i);
      if (previous != null) {
        throw new IllegalArgumentException(
            source + ": duplicate key '" + key + "' at rows " + previous + " and " + i);
      }
    }
    return new KeyIndex(List.copyOf(keys), Collections.unmodifiableMap(rows));
  }

  public int size() {
    return keys.size();
  }

  public String key(int row) {
    return keys.get(row);
  }

  /** The row of {@code key}, or -1 when absent. */
  public int rowOf(String key) {
    Integer row = rows.get(key);
    return row == null ? -1 : row;
  }

  public boolean contains(String key) {
    return rows.containsKey(key);
  }

  /** Keys in row order (unmodifiable). */
  public List<String> keys() {
    return keys;
  }
}

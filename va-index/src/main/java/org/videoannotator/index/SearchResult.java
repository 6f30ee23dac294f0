package org.videoannotator.index;

import java.util.List;

/**
 * Hits of one search, best first, and how they were found.
 *
 * @param hits at most {@code k} hits, starting at {@code offset}
 * @param mode {@code "vector"}, {@code "words"} or {@code "hybrid"}
 * @param notes things the user should know (e.g. a text query fell back to full-text)
 * @param engine what ran it: {@code int8-scan+exact} (every row scored on its int8 copy, the best
 *     re-scored exactly), {@code STORE-graph+exact} (the store's approximate neighbours, re-scored
 *     exactly), {@code STORE-bm25} (full text), or a vector engine and {@code STORE-bm25} joined by
 *     {@code " + "} for hybrid searches
 */
public record SearchResult(List<SearchHit> hits, String mode, List<String> notes, String engine) {
  public SearchResult {
    hits = List.copyOf(hits);
    notes = List.copyOf(notes);
  }
}

package org.videoannotator.index;

import java.util.List;

/**
 * Hits of one search, best first, and how they were found.
 *
 * @param hits at most {@code k} hits, starting at {@code offset}
 * @param mode {@code "vector"}, {@code "words"} or {@code "hybrid"}
 * @param notes things the user should know (e.g. a text query fell back to full-text)
 */
public record SearchResult(List<SearchHit> hits, String mode, List<String> notes) {
  public SearchResult {
    hits = List.copyOf(hits);
    notes = List.copyOf(notes);
  }
}

package org.videoannotator.server.exchange;

import java.util.List;
import org.videoannotator.server.store.NewVote;

/**
 * What an import file yields: votes to store, and what could not be used (reported to the user,
 * never silently dropped). Lists of unknowns are capped at {@link #MAX_LISTED} entries each.
 */
public record ImportResult(
    List<NewVote> votes,
    List<String> unknownKeys,
    List<String> unknownFeatures,
    List<String> unknownDataRows,
    int skipped) {
  public static final int MAX_LISTED = 100;
}

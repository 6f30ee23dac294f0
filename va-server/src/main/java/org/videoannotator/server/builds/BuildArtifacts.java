package org.videoannotator.server.builds;

import java.util.List;
import java.util.Map;

/**
 * What a finished build leaves behind besides its model file: the training set (for the VA-layout
 * export's checkpoints) and its feeds (name -> clips in serving order). Stored as the build's
 * {@code training} JSON.
 */
public record BuildArtifacts(
    List<String> pos, List<String> neg, Map<String, List<FeedItem>> feeds) {
  public BuildArtifacts {
    pos = pos == null ? List.of() : List.copyOf(pos);
    neg = neg == null ? List.of() : List.copyOf(neg);
    feeds = feeds == null ? Map.of() : Map.copyOf(feeds);
  }
}

package org.videoannotator.index.store;

import java.util.Set;

/**
 * Which clips a search may return: only these videos (empty = all), only these keys (empty = all),
 * never these keys. Stores apply it inside their search.
 */
public record ClipFilter(Set<String> videos, Set<String> includeKeys, Set<String> excludeKeys) {
  public static final ClipFilter NONE = new ClipFilter(Set.of(), Set.of(), Set.of());

  public ClipFilter {
    videos = Set.copyOf(videos);
    includeKeys = Set.copyOf(includeKeys);
    excludeKeys = Set.copyOf(excludeKeys);
  }

  public boolean isEmpty() {
    return videos.isEmpty() && includeKeys.isEmpty() && excludeKeys.isEmpty();
  }

  /** Whether a clip of {@code video} with {@code key} passes (for stores and tests). */
  public boolean accepts(String video, String key) {
    return (videos.isEmpty() || videos.contains(video))
        && (includeKeys.isEmpty() || includeKeys.contains(key))
        && !excludeKeys.contains(key);
  }
}

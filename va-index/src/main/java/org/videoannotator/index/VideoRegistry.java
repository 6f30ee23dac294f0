package org.videoannotator.index;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.videoannotator.core.io.AtomicFiles;

/**
 * Which video files were ingested ({@code videos.json}), by content hash, so a re-run skips them
 * whatever their name or path.
 */
final class VideoRegistry {
  private final Path file;
  private volatile Map<String, IngestedVideo> byHash;

  VideoRegistry(Path file) {
    this.file = file;
    this.byHash = JsonMaps.read(file, new TypeReference<LinkedHashMap<String, IngestedVideo>>() {});
  }

  /** Records an ingested file in one atomic write; callers serialise. */
  void mark(String contentHash, String video, int shots) {
    if (contentHash == null || contentHash.isBlank()) {
      throw new IllegalArgumentException("content hash of video '" + video + "' is blank");
    }
    Map<String, IngestedVideo> next = new LinkedHashMap<>(byHash);
    next.put(contentHash, new IngestedVideo(contentHash, video, shots, Instant.now().toString()));
    AtomicFiles.writeJson(file, next);
    byHash = next;
  }

  boolean contains(String contentHash) {
    return byHash.containsKey(contentHash);
  }

  Map<String, IngestedVideo> all() {
    return Collections.unmodifiableMap(byHash);
  }
}

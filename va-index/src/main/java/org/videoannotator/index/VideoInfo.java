package org.videoannotator.index;

import java.util.List;

/**
 * A video with clips in the corpus.
 *
 * @param video the id its clips carry
 * @param clips how many clips it has
 * @param contentHashes hashes of the files ingested under this id (empty for imported data)
 */
public record VideoInfo(String video, int clips, List<String> contentHashes) {
  public VideoInfo {
    contentHashes = List.copyOf(contentHashes);
  }
}

package org.videoannotator.server.builds;

import org.videoannotator.index.Corpus;

/**
 * The cluster of a clip for the data diversity score: the clip's own {@code cluster} metadata
 * (released data and generated corpora carry it); {@code -1} when the clip has none, which the
 * score does not count.
 */
public final class ClusterSource {
  private final Corpus corpus;

  public ClusterSource(Corpus corpus) {
    this.corpus = corpus;
  }

  public int clusterOf(String key) {
    return corpus.clip(key).map(c -> c.cluster()).orElse(-1);
  }
}

package org.videoannotator.index;

import java.nio.file.Path;

/**
 * What the parts of one open corpus share: its folder, its manifest as last committed, and the lock
 * that serialises writers. The writer replaces the manifest here; searches and reads take the count
 * from here, so none of the parts calls back into {@link Corpus}.
 */
final class CorpusState {
  final CorpusLayout layout;
  // Serialises writers. Readers never take it, so a long append does not stall searches.
  final Object writeLock = new Object();
  private volatile CorpusManifest manifest;

  CorpusState(CorpusLayout layout, CorpusManifest manifest) {
    this.layout = layout;
    this.manifest = manifest;
  }

  CorpusManifest manifest() {
    return manifest;
  }

  /** Durably replaces the manifest, then publishes it to readers. */
  void commit(CorpusManifest next) {
    next.write(layout);
    manifest = next;
  }

  Path dir() {
    return layout.dir();
  }

  /** Committed rows. */
  int size() {
    return (int) manifest.count();
  }

  int dimension() {
    return manifest.dimension();
  }

  EmbedderInfo embedder() {
    return manifest.embedder();
  }

  /** What to tell an operator whose store copy is gone. */
  String storeMissingMessage() {
    return storeMissingFact() + "; " + reindexHint();
  }

  String storeMissingFact() {
    return "the "
        + manifest.store().kind()
        + " store of corpus "
        + dir()
        + " ("
        + manifest.store().describe()
        + ") has lost its copy of the "
        + size()
        + " clips (deleted?); the corpus folder still holds them all";
  }

  String reindexHint() {
    return "rebuild the copy with: va store reindex --corpus " + dir();
  }
}

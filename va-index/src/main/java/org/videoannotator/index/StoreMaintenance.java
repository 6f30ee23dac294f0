package org.videoannotator.index;

import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.UserException;
import org.videoannotator.core.io.FileTrees;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.index.store.VectorStore;
import org.videoannotator.index.store.VectorStoreProvider;
import org.videoannotator.index.store.VectorStores;

/** The operator's store commands: {@code va store reindex} and {@code va store move}. */
public final class StoreMaintenance {
  private static final Logger LOG = LoggerFactory.getLogger(StoreMaintenance.class);

  private StoreMaintenance() {}

  /**
   * {@code va store reindex}: rebuilds the store's copy from the corpus files (creating it again,
   * e.g. an OpenSearch index that was deleted), keeping what it still holds. Returns the rows
   * indexed.
   */
  public static long reindex(Path dir) {
    CorpusManifest manifest = CorpusManifest.read(CorpusLayout.of(dir));
    // Create the copy first, so that the corpus opens onto a store it may fill.
    try (VectorStore created =
        VectorStores.provider(manifest.store().kind())
            .create(dir, manifest.store(), manifest.dimension())) {
      if (created.committedRows() < 0) {
        created.beginWriting();
        created.commit(0);
      }
    }
    try (Corpus corpus = Corpus.open(dir, CorpusOptions.existing())) {
      corpus.prepareWriting();
      return corpus.store().committedRows();
    }
  }

  /**
   * {@code va store move}: indexes every clip into the store {@code to} (which must not hold clips
   * already), then records it in the manifest; the old store's copy is left as it was (delete it
   * yourself once the corpus works from the new one). Moving between two Lucene settings is
   * refused: both would use the same {@code index/} folder.
   */
  public static void move(Path dir, StoreSpec to) {
    VectorStoreProvider provider = VectorStores.provider(to.kind());
    provider.validate(to);
    try (Corpus corpus = Corpus.open(dir, CorpusOptions.existing())) {
      CorpusState state = corpus.state();
      StoreSpec from = state.manifest().store();
      if (from.equals(to)) {
        throw new UserException(
            "corpus "
                + dir
                + " already keeps its vectors in "
                + to.describe()
                + "; nothing to move");
      }
      if (from.kind().equals(StoreSpec.LUCENE) && to.kind().equals(StoreSpec.LUCENE)) {
        throw new UserException(
            "corpus "
                + dir
                + " is in "
                + from.describe()
                + "; moving to "
                + to.describe()
                + " would rebuild the same index/ folder: move it to another store kind, or import into a new corpus");
      }
      if (state.dimension() > provider.maxDimensions()) {
        throw new UserException(
            "the "
                + to.kind()
                + " store supports 1.."
                + provider.maxDimensions()
                + " dimensions; corpus "
                + dir
                + " has "
                + state.dimension());
      }
      synchronized (state.writeLock) {
        corpus.store().beginWriting();
        if (to.kind().equals(StoreSpec.LUCENE)) {
          // An index/ folder left from before the corpus moved away from lucene is stale.
          FileTrees.deleteTree(state.layout.luceneIndex());
        }
        try (VectorStore target = provider.create(dir, to, state.dimension())) {
          long held = target.committedRows();
          if (held > 0) {
            throw new UserException(
                "the "
                    + to.kind()
                    + " store "
                    + target.stats().details()
                    + " already holds "
                    + held
                    + " clips; point the move at an empty one (e.g. index=NAME) or delete that one");
          }
          target.beginWriting();
          CorpusWriter.copyRows(corpus.rows(), target, 0, state.size());
        }
        state.commit(state.manifest().withStore(to, Instant.now().toString()));
      }
      LOG.info(
          "moved corpus {} ({} clips) from {} to {}",
          dir,
          state.size(),
          from.describe(),
          to.describe());
    }
  }
}

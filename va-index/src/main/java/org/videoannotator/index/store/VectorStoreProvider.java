package org.videoannotator.index.store;

import java.nio.file.Path;

/**
 * Makes {@link VectorStore}s of one kind, and owns that kind's settings: the {@code key=value}
 * parameters of its {@link StoreSpec} (from {@code --store KIND:k=v,...}, the manifest, and the
 * settings of one opening) mean whatever the provider says, and only it parses them. Found through
 * {@link java.util.ServiceLoader}: a new store is a provider class, its store class, and one line
 * in {@code META-INF/services/org.videoannotator.index.store.VectorStoreProvider}.
 */
public interface VectorStoreProvider {
  /** The kind written in corpus manifests, e.g. {@code lucene}. */
  String kind();

  /** Largest vector dimension the store accepts. */
  int maxDimensions();

  /**
   * Checks the parameters of {@code spec} (unknown keys, bad values) before a corpus is created or
   * opened with it, naming what is wrong and what to do.
   */
  void validate(StoreSpec spec);

  /**
   * Opens the store of the corpus in {@code corpusDir}. A store whose copy lives elsewhere (an
   * OpenSearch index) must not create it here: a copy that is missing is reported ({@link
   * RowIndex#rebuildsSilently}), and created again only by {@link #create}.
   *
   * @param spec the manifest's spec with the settings of this opening laid over it
   */
  VectorStore open(Path corpusDir, StoreSpec spec, int dimension);

  /**
   * Opens the store, creating its copy if absent: for a new corpus, {@code va store reindex} and
   * {@code va store move}. By default the same as {@link #open}.
   */
  default VectorStore create(Path corpusDir, StoreSpec spec, int dimension) {
    return open(corpusDir, spec, dimension);
  }
}

package org.videoannotator.index.store;

import java.nio.file.Path;
import org.videoannotator.index.IndexSettings;

/**
 * Makes {@link VectorIndex}es of one kind. Found through {@link java.util.ServiceLoader}: a new
 * store is one class implementing this plus one line in
 * {@code META-INF/services/org.videoannotator.index.store.VectorIndexProvider}.
 */
public interface VectorIndexProvider {
  /** The kind written in corpus manifests, e.g. {@code lucene}. */
  String kind();

  /** Largest vector dimension the store accepts. */
  int maxDimensions();

  /**
   * Checks the parameters of {@code spec} (unknown keys, bad values) before a corpus is created
   * with it, naming what is wrong and what to do.
   */
  void validate(StoreSpec spec);

  /**
   * Opens the store of the corpus in {@code corpusDir}. A store whose copy lives elsewhere (an
   * OpenSearch index) must not create it here: a copy that is missing is reported ({@link
   * VectorIndex#rebuildsSilently}), and created again only by {@link #create}.
   *
   * @param settings graph and search settings of this opening (HNSW M, beam width, merge workers)
   */
  VectorIndex open(Path corpusDir, StoreSpec spec, int dimension, IndexSettings settings);

  /**
   * Opens the store, creating its copy if absent: for a new corpus, {@code va store reindex} and
   * {@code va store move}. By default the same as {@link #open}.
   */
  default VectorIndex create(Path corpusDir, StoreSpec spec, int dimension, IndexSettings settings) {
    return open(corpusDir, spec, dimension, settings);
  }
}

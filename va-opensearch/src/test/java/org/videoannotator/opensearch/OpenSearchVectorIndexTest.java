package org.videoannotator.opensearch;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.videoannotator.index.IndexSettings;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.index.store.VectorIndex;
import org.videoannotator.index.store.VectorIndexContract;

/** The opensearch store on a real node, against the same contract as the lucene store. */
@Tag("opensearch")
class OpenSearchVectorIndexTest extends VectorIndexContract {
  private Path opened;

  @Override
  protected VectorIndex open(Path corpusDir, int dimension, IndexSettings settings) {
    opened = corpusDir;
    return new OpenSearchVectorIndexProvider().create(corpusDir, spec(), dimension, settings);
  }

  private static StoreSpec spec() {
    return new StoreSpec("opensearch", Map.of("url", OpenSearchNode.url()));
  }

  @AfterEach
  void deleteIndex() {
    if (opened != null) {
      new OpenSearchHttp(OpenSearchNode.url(), null, null)
          .delete("/" + OpenSearchVectorIndexProvider.indexName(opened, spec()));
    }
  }
}

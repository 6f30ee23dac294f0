package org.videoannotator.opensearch;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.index.store.VectorStore;
import org.videoannotator.index.store.VectorStoreContract;

/** The opensearch store on a real node, against the same contract as the lucene store. */
@Tag("opensearch")
class OpenSearchVectorStoreTest extends VectorStoreContract {
  private Path opened;

  @Override
  protected VectorStore open(Path corpusDir, int dimension) {
    opened = corpusDir;
    return new OpenSearchVectorStoreProvider().create(corpusDir, spec(), dimension);
  }

  private static StoreSpec spec() {
    return new StoreSpec("opensearch", Map.of("url", OpenSearchNode.url()));
  }

  @AfterEach
  void deleteIndex() {
    if (opened != null) {
      new OpenSearchHttp(OpenSearchNode.url(), null, null)
          .delete("/" + OpenSearchVectorStoreProvider.indexName(opened, spec()));
    }
  }
}

package org.videoannotator.index.lucene;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.index.store.VectorStore;
import org.videoannotator.index.store.VectorStoreContract;

/** The lucene store, float and int8 graphs, against the store contract. */
class LuceneVectorStoreTest {
  @Nested
  class FloatGraph extends VectorStoreContract {
    @Override
    protected VectorStore open(Path corpusDir, int dimension) {
      return new LuceneVectorStoreProvider().open(corpusDir, StoreSpec.lucene(), dimension);
    }
  }

  @Nested
  class Int8Graph extends VectorStoreContract {
    @Override
    protected VectorStore open(Path corpusDir, int dimension) {
      return new LuceneVectorStoreProvider()
          .open(corpusDir, new StoreSpec("lucene", Map.of("quantization", "int8")), dimension);
    }
  }
}

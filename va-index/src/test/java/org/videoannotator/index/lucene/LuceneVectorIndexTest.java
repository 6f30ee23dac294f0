package org.videoannotator.index.lucene;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.videoannotator.index.IndexSettings;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.index.store.VectorIndex;
import org.videoannotator.index.store.VectorIndexContract;

/** The lucene store, float and int8 graphs, against the store contract. */
class LuceneVectorIndexTest {
  @Nested
  class FloatGraph extends VectorIndexContract {
    @Override
    protected VectorIndex open(Path corpusDir, int dimension, IndexSettings settings) {
      return new LuceneVectorIndexProvider().open(corpusDir, StoreSpec.lucene(), dimension, settings);
    }
  }

  @Nested
  class Int8Graph extends VectorIndexContract {
    @Override
    protected VectorIndex open(Path corpusDir, int dimension, IndexSettings settings) {
      return new LuceneVectorIndexProvider().open(corpusDir,
          new StoreSpec("lucene", Map.of("quantization", "int8")), dimension, settings);
    }
  }
}

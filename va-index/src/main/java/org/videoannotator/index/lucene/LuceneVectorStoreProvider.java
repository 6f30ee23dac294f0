package org.videoannotator.index.lucene;

import java.nio.file.Path;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.index.store.VectorStore;
import org.videoannotator.index.store.VectorStoreProvider;

/**
 * The {@code lucene} store: an in-process Lucene HNSW index in the corpus folder's {@code index/}.
 * Its settings ({@link LuceneStoreSettings}): {@code quantization=none|int8}, {@code
 * graph=hnsw|none} (none: no vectors in the store at all, for corpora the int8 scan serves alone,
 * {@link org.videoannotator.index.VectorEngine}: imports skip the graph build), and the graph
 * build's {@code m}, {@code beam-width}, {@code merge-workers}, {@code ram-buffer-mb}.
 */
public final class LuceneVectorStoreProvider implements VectorStoreProvider {
  public static final String KIND = StoreSpec.LUCENE;

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public int maxDimensions() {
    return LuceneVectorStore.maxDimensions();
  }

  @Override
  public void validate(StoreSpec spec) {
    LuceneStoreSettings.parse(spec);
  }

  @Override
  public VectorStore open(Path corpusDir, StoreSpec spec, int dimension) {
    LuceneVectorStore store =
        new LuceneVectorStore(
            CorpusLayout.of(corpusDir).luceneIndex(), LuceneStoreSettings.parse(spec), dimension);
    store.warm();
    return store;
  }
}

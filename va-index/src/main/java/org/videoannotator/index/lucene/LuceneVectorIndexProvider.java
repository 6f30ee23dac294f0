package org.videoannotator.index.lucene;

import java.nio.file.Path;
import java.util.Set;
import org.videoannotator.core.UserException;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.index.IndexSettings;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.index.store.VectorIndex;
import org.videoannotator.index.store.VectorIndexProvider;

/**
 * The {@code lucene} store: an in-process Lucene HNSW index in the corpus folder's {@code index/}.
 * Parameter {@code quantization}: {@code none} (default, float32 graph) or {@code int8} (7-bit
 * scalar-quantized graph; candidates are still re-scored on the exact vectors). Parameter {@code
 * graph}: {@code hnsw} (default) or {@code none}: no vectors in the index at all (full text and
 * filters only), for corpora the int8 scan serves alone ({@link org.videoannotator.index.VectorEngine}):
 * imports skip the graph build, and the vectors are not stored twice.
 */
public final class LuceneVectorIndexProvider implements VectorIndexProvider {
  public static final String KIND = StoreSpec.LUCENE;
  public static final String QUANTIZATION = "quantization";
  private static final Set<String> QUANTIZATIONS = Set.of("none", "int8");
  public static final String GRAPH = "graph";
  private static final Set<String> GRAPHS = Set.of("hnsw", "none");

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public int maxDimensions() {
    return LuceneVectorIndex.maxDimensions();
  }

  @Override
  public void validate(StoreSpec spec) {
    for (String key : spec.params().keySet()) {
      if (!key.equals(QUANTIZATION) && !key.equals(GRAPH)) {
        throw new UserException("the lucene store has no setting '" + key + "'; it knows "
            + QUANTIZATION + "=none|int8 and " + GRAPH + "=hnsw|none");
      }
    }
    String g = spec.param(GRAPH, "hnsw");
    if (!GRAPHS.contains(g)) {
      throw new UserException("lucene store setting " + GRAPH + "=" + g + " is not one of hnsw, none");
    }
    String q = spec.param(QUANTIZATION, "none");
    if (!QUANTIZATIONS.contains(q)) {
      throw new UserException("lucene store setting " + QUANTIZATION + "=" + q
          + " is not one of none, int8");
    }
  }

  @Override
  public VectorIndex open(Path corpusDir, StoreSpec spec, int dimension, IndexSettings settings) {
    validate(spec);
    LuceneVectorIndex index = new LuceneVectorIndex(CorpusLayout.of(corpusDir).luceneIndex(),
        new LuceneVectorIndex.HnswParams(settings.m(), settings.beamWidth(), settings.mergeWorkers(),
            settings.ramBufferMb()),
        spec.param(QUANTIZATION, "none").equals("int8"), spec.param(GRAPH, "hnsw").equals("hnsw"), dimension);
    index.warm();
    return index;
  }
}

package org.videoannotator.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene101.Lucene101Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.videoannotator.index.store.ClipFilter;
import org.videoannotator.index.store.IndexStats;
import org.videoannotator.index.store.IndexedClip;
import org.videoannotator.index.store.RowScore;
import org.videoannotator.index.store.VectorStore;

/**
 * The {@code lucene} {@link VectorStore}: a Lucene index in the corpus's {@code index/} folder, one
 * document per clip row with the filter fields of {@link LuceneRowIndex} and the vector (HNSW, dot
 * product on normalised vectors = cosine). With {@code quantization=int8} the graph is built over
 * 7-bit scalar-quantized vectors (a quarter of the memory to page in); the corpus re-scores
 * candidates exactly either way. Indexes written before the text index moved to {@code text/} also
 * hold title and text; they are ignored.
 */
final class LuceneVectorStore extends LuceneRowIndex implements VectorStore {
  static final String VECTOR = "vector";

  /** Batches below this many documents per thread are indexed by the calling thread alone. */
  private static final int PARALLEL_MIN_DOCS = 2_048;

  private final LuceneStoreSettings settings;
  private final int dimension;
  private ExecutorService mergeExecutor;
  private ExecutorService indexingPool;

  LuceneVectorStore(Path dir, LuceneStoreSettings settings, int dimension) {
    // Load the graph and the vectors its search reads into memory when a segment opens, so the
    // first queries do not pay for paging them in (the raw floats of an int8 index are only read
    // by merges and stay on disk).
    super(
        dir,
        (name, context) ->
            name.endsWith(".vex") || name.endsWith(settings.int8() ? ".veq" : ".vec"));
    this.settings = settings;
    this.dimension = dimension;
  }

  /** Largest dimension the vector format accepts. */
  static int maxDimensions() {
    return new Lucene99HnswVectorsFormat().getMaxDimensions(VECTOR);
  }

  @Override
  IndexWriterConfig writerConfig() {
    int workers = settings.mergeWorkers();
    mergeExecutor =
        workers > 1
            ? Executors.newFixedThreadPool(
                workers,
                r -> {
                  Thread t = new Thread(r, "va-index-merge");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    KnnVectorsFormat format =
        settings.int8()
            ? new Lucene99HnswScalarQuantizedVectorsFormat(
                settings.m(), settings.beamWidth(), workers, 7, false, null, mergeExecutor)
            : new Lucene99HnswVectorsFormat(
                settings.m(), settings.beamWidth(), workers, mergeExecutor);
    Codec codec =
        new Lucene101Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return format;
          }
        };
    return new IndexWriterConfig().setCodec(codec).setRAMBufferSizeMB(settings.ramBufferMb());
  }

  @Override
  void addFields(Document doc, IndexedClip clip) {
    if (settings.graph()) {
      doc.add(new KnnFloatVectorField(VECTOR, clip.vector(), VectorSimilarityFunction.DOT_PRODUCT));
    }
  }

  @Override
  public void add(List<IndexedClip> clips) {
    List<Document> docs = documents(clips);
    IndexWriter w = writer();
    int threads = Math.min(settings.mergeWorkers(), docs.size() / PARALLEL_MIN_DOCS);
    if (threads < 2) {
      addAll(w, docs);
      return;
    }
    // IndexWriter is thread-safe: each thread fills its own in-memory segment and builds its HNSW
    // graph there, so a large batch uses every core; the graphs are joined when segments merge.
    int per = (docs.size() + threads - 1) / threads;
    List<Future<?>> others = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      List<Document> part = docs.subList(t * per, Math.min(docs.size(), (t + 1) * per));
      others.add(indexingPool().submit(() -> addAll(w, part)));
    }
    addAll(w, docs.subList(0, per));
    for (Future<?> f : others) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException re
            ? re
            : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while indexing " + dir, e);
      }
    }
  }

  private synchronized ExecutorService indexingPool() {
    if (indexingPool == null) {
      indexingPool =
          Executors.newFixedThreadPool(
              Math.max(1, settings.mergeWorkers() - 1),
              r -> {
                Thread t = new Thread(r, "va-index-add");
                t.setDaemon(true);
                return t;
              });
    }
    return indexingPool;
  }

  @Override
  public IndexStats stats() {
    IndexSearcher s = acquire();
    try {
      return new IndexStats(
          LuceneVectorStoreProvider.KIND,
          Math.max(0, committedRows()),
          dimension,
          "dot_product",
          s.getIndexReader().leaves().size(),
          bytes(),
          Map.of(
              "graph",
              settings.graph() ? "hnsw" : "none",
              "quantization",
              settings.int8() ? "int8" : "none",
              "m",
              Integer.toString(settings.m()),
              "beam_width",
              Integer.toString(settings.beamWidth()),
              "folder",
              dir.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read index " + dir, e);
    } finally {
      release(s);
    }
  }

  @Override
  public boolean searchesVectors() {
    return settings.graph();
  }

  @Override
  public List<RowScore> nearest(float[] query, int n, ClipFilter clipFilter, int count) {
    if (!settings.graph()) {
      throw new IllegalStateException(
          "index " + dir + " keeps no vectors (graph=none): the corpus scans instead");
    }
    Query filter = filter(clipFilter);
    IndexSearcher searcher = acquire();
    try {
      Query knn = new KnnFloatVectorQuery(VECTOR, query, n, withRowLimit(searcher, filter, count));
      return rowsOf(searcher, searcher.search(knn, n).scoreDocs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search index " + dir, e);
    } finally {
      release(searcher);
    }
  }

  @Override
  void writerClosed() {
    if (mergeExecutor != null) {
      mergeExecutor.shutdown();
      mergeExecutor = null;
    }
  }

  @Override
  public synchronized void close() {
    try {
      super.close();
    } finally {
      if (indexingPool != null) {
        indexingPool.shutdown();
        indexingPool = null;
      }
    }
  }
}

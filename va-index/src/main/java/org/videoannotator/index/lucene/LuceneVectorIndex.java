package org.videoannotator.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene101.Lucene101Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import java.util.Collection;
import java.util.Optional;
import org.videoannotator.core.UserException;
import org.videoannotator.index.Clip;
import org.videoannotator.index.store.ClipFilter;
import org.videoannotator.index.store.IndexStats;
import org.videoannotator.index.store.IndexedClip;
import org.videoannotator.index.store.RowScore;
import org.videoannotator.index.store.VectorIndex;

/**
 * The {@code lucene} {@link VectorIndex}: a Lucene index in the corpus's {@code index/} folder, one
 * document per clip row with the key and row (stored), the video
 * (filter term), title and text (English-stemmed full text), and the vector (HNSW, dot product on
 * normalised vectors = cosine). Each commit records how many rows it covers in its user data, so
 * the corpus can tell an index that is ahead of or behind the manifest. The writer (and Lucene's
 * write lock) is taken only when the corpus is first written. With {@code quantization=int8} the
 * graph is built over 7-bit scalar-quantized vectors (a quarter of the memory to page in); the
 * corpus re-scores candidates exactly either way.
 */
final class LuceneVectorIndex implements VectorIndex {
  static final String KEY = "key";
  static final String ROW = "row";
  static final String VIDEO = "video";
  static final String TITLE = "title";
  static final String TEXT = "text";
  static final String VECTOR = "vector";
  static final String ROWS_COMMITTED = "va.rows";

  /**
   * Lucene 10.2 turns its SIMD vector code off on Java runtimes newer than it knows (24) and falls
   * back to scalar loops, 4-8x slower for 512-d dot products. The incubator Vector API it uses is
   * unchanged in Java 25, so raise the bound unless the user set it. Must run before Lucene's
   * VectorizationProvider is first used; va-index is the only module that uses Lucene.
   */
  static final String LUCENE_UPPER_JAVA = "org.apache.lucene.vectorization.upperJavaFeatureVersion";

  // Held so the level sticks (java.util.logging keeps loggers weakly): Lucene's INFO line about the
  // vector API would otherwise land on every command's stderr; its warnings still show.
  private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  static {
    if (System.getProperty(LUCENE_UPPER_JAVA) == null) {
      System.setProperty(LUCENE_UPPER_JAVA, Integer.toString(Runtime.version().feature()));
    }
    LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final Path dir;
  private final HnswParams hnsw;
  private final boolean int8;
  private final boolean graph;
  private final int dimension;
  private final Analyzer analyzer = analyzer();
  private final Directory directory;
  private IndexWriter writer;
  private ExecutorService mergeExecutor;
  private ExecutorService indexingPool;
  private SearcherManager searchers;

  record HnswParams(int m, int beamWidth, int mergeWorkers, double ramBufferMb) {}

  LuceneVectorIndex(Path dir, HnswParams hnsw, boolean int8, boolean graph, int dimension) {
    this.dir = dir;
    this.dimension = dimension;
    this.hnsw = hnsw;
    this.int8 = int8;
    this.graph = graph;
    try {
      this.directory = FSDirectory.open(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open index " + dir, e);
    }
    if (directory instanceof MMapDirectory mmap) {
      // Load the graph and the vectors its search reads into memory when a segment opens, so
      // the first queries do not pay for paging them in (the raw floats of an int8 index are
      // only read by merges and stay on disk).
      String vectors = int8 ? ".veq" : ".vec";
      mmap.setPreload((name, context) -> name.endsWith(".vex") || name.endsWith(vectors));
    }
  }

  static Analyzer analyzer() {
    return new EnglishAnalyzer();
  }

  /** Largest dimension the vector format accepts. */
  static int maxDimensions() {
    return new Lucene99HnswVectorsFormat().getMaxDimensions(VECTOR);
  }

  @Override
  public long committedRows() {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return -1;
      }
      String rows = SegmentInfos.readLatestCommit(directory).getUserData().get(ROWS_COMMITTED);
      return rows == null ? -1 : Long.parseLong(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read index " + dir, e);
    }
  }

  /**
   * Opens the searcher now, loading the graph into memory (see the preload above), so that the
   * corpus's first searches are as fast as the later ones. A no-op before the first commit.
   */
  void warm() {
    if (committedRows() > 0) {
      release(acquire());
    }
  }

  @Override
  public void beginWriting() {
    writer();
  }

  /** Takes Lucene's write lock; another process holding it is a user error naming the corpus. */
  private synchronized IndexWriter writer() {
    if (writer != null) {
      return writer;
    }
    mergeExecutor =
        hnsw.mergeWorkers() > 1 ? Executors.newFixedThreadPool(hnsw.mergeWorkers(), r -> {
          Thread t = new Thread(r, "va-index-merge");
          t.setDaemon(true);
          return t;
        }) : null;
    int workers = Math.max(1, hnsw.mergeWorkers());
    KnnVectorsFormat format = int8
        ? new Lucene99HnswScalarQuantizedVectorsFormat(
            hnsw.m(), hnsw.beamWidth(), workers, 7, false, null, mergeExecutor)
        : new Lucene99HnswVectorsFormat(hnsw.m(), hnsw.beamWidth(), workers, mergeExecutor);
    Codec codec =
        new Lucene101Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return format;
          }
        };
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer())
            .setCodec(codec)
            .setRAMBufferSizeMB(hnsw.ramBufferMb())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    try {
      writer = new IndexWriter(directory, config);
    } catch (LockObtainFailedException e) {
      shutdownExecutor();
      throw new UserException(
          dir.getParent() + ": the corpus is being written by another process (Lucene lock "
              + dir.resolve(IndexWriter.WRITE_LOCK_NAME) + "); wait for it to finish");
    } catch (IOException e) {
      shutdownExecutor();
      throw new UncheckedIOException("cannot open index writer " + dir, e);
    }
    return writer;
  }

  private Document document(int row, Clip clip, float[] normalised) {
    Document doc = new Document();
    doc.add(new StringField(KEY, clip.key(), Field.Store.YES));
    doc.add(new IntField(ROW, row, Field.Store.YES));
    doc.add(new StringField(VIDEO, clip.video(), Field.Store.NO));
    doc.add(new TextField(TITLE, clip.title(), Field.Store.NO));
    doc.add(new TextField(TEXT, clip.text(), Field.Store.NO));
    if (graph) {
      doc.add(new KnnFloatVectorField(VECTOR, normalised, VectorSimilarityFunction.DOT_PRODUCT));
    }
    return doc;
  }

  @Override
  public void add(List<IndexedClip> clips) {
    List<Document> docs = new ArrayList<>(clips.size());
    for (IndexedClip c : clips) {
      docs.add(document(c.row(), c.clip(), c.vector()));
    }
    IndexWriter w = writer();
    int threads = Math.min(hnsw.mergeWorkers(), docs.size() / PARALLEL_MIN_DOCS);
    if (threads < 2) {
      addAll(w, docs);
      return;
    }
    // IndexWriter is thread-safe: each thread fills its own in-memory segment and builds its HNSW
    // graph there, so a large batch uses every core; the graphs are joined when segments merge.
    int per = (docs.size() + threads - 1) / threads;
    List<java.util.concurrent.Future<?>> others = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      List<Document> part = docs.subList(t * per, Math.min(docs.size(), (t + 1) * per));
      others.add(indexingPool().submit(() -> addAll(w, part)));
    }
    addAll(w, docs.subList(0, per));
    for (java.util.concurrent.Future<?> f : others) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while indexing " + dir, e);
      }
    }
  }

  /** Batches below this many documents per thread are indexed by the calling thread alone. */
  private static final int PARALLEL_MIN_DOCS = 2_048;

  private void addAll(IndexWriter w, List<Document> docs) {
    try {
      w.addDocuments(docs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add to index " + dir, e);
    }
  }

  private synchronized ExecutorService indexingPool() {
    if (indexingPool == null) {
      indexingPool = Executors.newFixedThreadPool(Math.max(1, hnsw.mergeWorkers() - 1), r -> {
        Thread t = new Thread(r, "va-index-add");
        t.setDaemon(true);
        return t;
      });
    }
    return indexingPool;
  }

  @Override
  public void deleteRowsFrom(long rows) {
    try {
      writer().deleteDocuments(IntField.newRangeQuery(ROW, (int) rows, Integer.MAX_VALUE));
      commit(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete from index " + dir, e);
    }
  }

  @Override
  public void commit(long rows) {
    IndexWriter w = writer();
    try {
      w.setLiveCommitData(Map.of(ROWS_COMMITTED, Long.toString(rows)).entrySet());
      w.commit();
      if (searchers != null) {
        searchers.maybeRefreshBlocking();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit index " + dir, e);
    }
  }

  /** Closes the writer discarding everything not committed (after a failed append). */
  @Override
  public synchronized void discardUncommitted() {
    if (writer == null) {
      return;
    }
    try {
      writer.rollback();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot roll back index writer " + dir, e);
    } finally {
      writer = null;
      shutdownExecutor();
    }
  }

  /** Merges all segments into one (one HNSW graph: fastest search), then commits. */
  @Override
  public void optimize(long rows) {
    try {
      writer().forceMerge(1);
      commit(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot merge index " + dir, e);
    }
  }

  @Override
  public IndexStats stats() {
    IndexSearcher s = acquire();
    try {
      long bytes = 0;
      for (String file : directory.listAll()) {
        bytes += directory.fileLength(file);
      }
      return new IndexStats(LuceneVectorIndexProvider.KIND, Math.max(0, committedRows()),
          dimension, "dot_product", s.getIndexReader().leaves().size(), bytes,
          Map.of("graph", graph ? "hnsw" : "none", "quantization", int8 ? "int8" : "none", "m", Integer.toString(hnsw.m()),
              "beam_width", Integer.toString(hnsw.beamWidth()), "folder", dir.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read index " + dir, e);
    } finally {
      release(s);
    }
  }

  synchronized IndexSearcher acquire() {
    try {
      if (searchers == null) {
        searchers = new SearcherManager(directory, null);
      }
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open index " + dir, e);
    }
  }

  void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release searcher of " + dir, e);
    }
  }

  @Override
  public boolean searchesVectors() {
    return graph;
  }

  @Override
  public Optional<java.util.BitSet> rowsOfVideos(java.util.Set<String> videos, int count) {
    IndexSearcher searcher = acquire();
    try {
      java.util.BitSet rows = new java.util.BitSet(count);
      Query query = new TermInSetQuery(VIDEO, bytes(videos));
      for (RowScore hit : rowsOf(searcher, searcher.search(query, Math.max(1, count)).scoreDocs)) {
        if (hit.row() < count) {
          rows.set(hit.row());
        }
      }
      return Optional.of(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search index " + dir, e);
    } finally {
      release(searcher);
    }
  }

  @Override
  public List<RowScore> nearest(float[] query, int n, ClipFilter clipFilter, int count) {
    if (!graph) {
      throw new IllegalStateException("index " + dir + " keeps no vectors (graph=none): the corpus scans instead");
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
  public Optional<List<RowScore>> matchWords(String words, int n, ClipFilter clipFilter, int count) {
    Query query = new SimpleQueryParser(analyzer, Map.of(TITLE, 2f, TEXT, 1f)).parse(words);
    // The parser answers MatchNoDocs (not null) when the analyzer drops every word.
    if (query instanceof MatchNoDocsQuery) {
      return Optional.empty();
    }
    return Optional.of(search(query, n, filter(clipFilter), count));
  }

  private List<RowScore> search(Query query, int n, Query filter, int count) {
    IndexSearcher searcher = acquire();
    try {
      Query limit = withRowLimit(searcher, filter, count);
      Query filtered = limit == null ? query
          : new BooleanQuery.Builder().add(query, Occur.MUST).add(limit, Occur.FILTER).build();
      return rowsOf(searcher, searcher.search(filtered, n).scoreDocs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search index " + dir, e);
    } finally {
      release(searcher);
    }
  }

  /** The filter as one Lucene query, or null when it lets everything through. */
  private static Query filter(ClipFilter filter) {
    if (filter.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    // A query of only MUST_NOT clauses matches nothing: exclusions need something to subtract from.
    b.add(new MatchAllDocsQuery(), Occur.FILTER);
    if (!filter.videos().isEmpty()) {
      b.add(new TermInSetQuery(VIDEO, bytes(filter.videos())), Occur.FILTER);
    }
    if (!filter.includeKeys().isEmpty()) {
      b.add(new TermInSetQuery(KEY, bytes(filter.includeKeys())), Occur.FILTER);
    }
    if (!filter.excludeKeys().isEmpty()) {
      b.add(new TermInSetQuery(KEY, bytes(filter.excludeKeys())), Occur.MUST_NOT);
    }
    return b.build();
  }

  private static List<BytesRef> bytes(Collection<String> values) {
    return values.stream().map(BytesRef::new).toList();
  }

  /**
   * {@code filter} plus a row range when this searcher's commit holds rows beyond {@code count}
   * (an append whose manifest has not landed). Usually it does not, and the unfiltered HNSW search
   * is cheaper: a filter costs a bitset over every document per query.
   */
  private static Query withRowLimit(IndexSearcher searcher, Query filter, int count) throws IOException {
    String rows = ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData().get(ROWS_COMMITTED);
    if (rows != null && Long.parseLong(rows) <= count) {
      return filter;
    }
    Query range = IntField.newRangeQuery(ROW, 0, count - 1);
    return filter == null ? range
        : new BooleanQuery.Builder().add(filter, Occur.FILTER).add(range, Occur.FILTER).build();
  }

  /**
   * The rows of {@code hits}, in the hits' order, read from the row doc values (far cheaper than
   * stored fields): hits are visited in doc id order because doc values iterate forward only.
   */
  private static List<RowScore> rowsOf(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    Integer[] byDoc = new Integer[hits.length];
    for (int i = 0; i < hits.length; i++) {
      byDoc[i] = i;
    }
    java.util.Arrays.sort(byDoc, java.util.Comparator.comparingInt(i -> hits[i].doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int[] rows = new int[hits.length];
    int leafIndex = -1;
    SortedNumericDocValues values = null;
    LeafReaderContext leaf = null;
    for (int i : byDoc) {
      int doc = hits[i].doc;
      int li = ReaderUtil.subIndex(doc, leaves);
      if (li != leafIndex) {
        leafIndex = li;
        leaf = leaves.get(li);
        values = DocValues.getSortedNumeric(leaf.reader(), ROW);
      }
      if (!values.advanceExact(doc - leaf.docBase)) {
        throw new IllegalStateException("document " + doc + " has no row");
      }
      rows[i] = (int) values.nextValue();
    }
    List<RowScore> out = new ArrayList<>(hits.length);
    for (int i = 0; i < hits.length; i++) {
      out.add(new RowScore(rows[i], hits[i].score));
    }
    return out;
  }

  private void shutdownExecutor() {
    if (mergeExecutor != null) {
      mergeExecutor.shutdown();
      mergeExecutor = null;
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (searchers != null) {
        searchers.close();
      }
      if (writer != null) {
        writer.close();
      }
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close index " + dir, e);
    } finally {
      shutdownExecutor();
      if (indexingPool != null) {
        indexingPool.shutdown();
        indexingPool = null;
      }
    }
  }
}

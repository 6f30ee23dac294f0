package org.videoannotator.index;

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
import org.videoannotator.core.UserException;

/**
 * The corpus's Lucene index: one document per clip row with the key and row (stored), the video
 * (filter term), title and text (English-stemmed full text), and the vector (HNSW, dot product on
 * normalised vectors = cosine). Each commit records how many rows it covers in its user data, so
 * the corpus can tell an index that is ahead of or behind the manifest. The writer (and Lucene's
 * write lock) is taken only when the corpus is first written.
 */
final class ClipIndex implements AutoCloseable {
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
  private final Directory directory;
  private IndexWriter writer;
  private ExecutorService mergeExecutor;
  private SearcherManager searchers;

  record HnswParams(int m, int beamWidth, int mergeWorkers, double ramBufferMb) {
    HnswParams {
      if (m < 2 || m > Lucene99HnswVectorsFormat.MAXIMUM_MAX_CONN) {
        throw new IllegalArgumentException("HNSW M must be in 2.." + Lucene99HnswVectorsFormat.MAXIMUM_MAX_CONN + ", got " + m);
      }
      if (beamWidth < 1 || beamWidth > Lucene99HnswVectorsFormat.MAXIMUM_BEAM_WIDTH) {
        throw new IllegalArgumentException("HNSW beam width must be in 1.." + Lucene99HnswVectorsFormat.MAXIMUM_BEAM_WIDTH + ", got " + beamWidth);
      }
    }
  }

  ClipIndex(Path dir, HnswParams hnsw) {
    this.dir = dir;
    this.hnsw = hnsw;
    try {
      this.directory = FSDirectory.open(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open index " + dir, e);
    }
  }

  static Analyzer analyzer() {
    return new EnglishAnalyzer();
  }

  /** Largest dimension the vector format accepts. */
  static int maxDimensions() {
    return new Lucene99HnswVectorsFormat().getMaxDimensions(VECTOR);
  }

  boolean exists() {
    try {
      return DirectoryReader.indexExists(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read index " + dir, e);
    }
  }

  /** Rows covered by the latest commit (-1 when there is no index yet). */
  long committedRows() {
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

  boolean hasWriter() {
    return writer != null;
  }

  /** Takes Lucene's write lock; another process holding it is a user error naming the corpus. */
  synchronized IndexWriter writer() {
    if (writer != null) {
      return writer;
    }
    mergeExecutor =
        hnsw.mergeWorkers() > 1 ? Executors.newFixedThreadPool(hnsw.mergeWorkers(), r -> {
          Thread t = new Thread(r, "va-index-merge");
          t.setDaemon(true);
          return t;
        }) : null;
    KnnVectorsFormat format =
        new Lucene99HnswVectorsFormat(
            hnsw.m(), hnsw.beamWidth(), Math.max(1, hnsw.mergeWorkers()), mergeExecutor);
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

  static Document document(int row, Clip clip, float[] normalised) {
    Document doc = new Document();
    doc.add(new StringField(KEY, clip.key(), Field.Store.YES));
    doc.add(new IntField(ROW, row, Field.Store.YES));
    doc.add(new StringField(VIDEO, clip.video(), Field.Store.NO));
    doc.add(new TextField(TITLE, clip.title(), Field.Store.NO));
    doc.add(new TextField(TEXT, clip.text(), Field.Store.NO));
    doc.add(new KnnFloatVectorField(VECTOR, normalised, VectorSimilarityFunction.DOT_PRODUCT));
    return doc;
  }

  /** Adds documents and commits them as covering {@code rows} rows in all. */
  void addAndCommit(List<Document> docs, long rows) {
    IndexWriter w = writer();
    try {
      w.addDocuments(docs);
      commit(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add to index " + dir, e);
    }
  }

  /** Deletes documents of rows {@code >= rows} (left by an append whose manifest never landed). */
  void deleteRowsFrom(long rows) {
    try {
      writer().deleteDocuments(IntField.newRangeQuery(ROW, (int) rows, Integer.MAX_VALUE));
      commit(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete from index " + dir, e);
    }
  }

  void commit(long rows) throws IOException {
    IndexWriter w = writer();
    w.setLiveCommitData(Map.of(ROWS_COMMITTED, Long.toString(rows)).entrySet());
    w.commit();
    if (searchers != null) {
      searchers.maybeRefreshBlocking();
    }
  }

  /** Closes the writer discarding everything not committed (after a failed append). */
  synchronized void discardUncommitted() {
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
  void forceMerge(long rows) {
    try {
      writer().forceMerge(1);
      commit(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot merge index " + dir, e);
    }
  }

  int segmentCount() {
    IndexSearcher s = acquire();
    try {
      return s.getIndexReader().leaves().size();
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

  /** A row and the score Lucene gave it. */
  record RowScore(int row, float score) {}

  /**
   * HNSW search for the {@code n} nearest rows among the first {@code count} that pass {@code
   * filter} (null = all), the filter applied inside the graph search.
   */
  List<RowScore> nearest(float[] query, int n, Query filter, int count) {
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

  /** Top {@code n} rows for {@code query} among the first {@code count} passing {@code filter}. */
  List<RowScore> search(Query query, int n, Query filter, int count) {
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
    }
  }
}

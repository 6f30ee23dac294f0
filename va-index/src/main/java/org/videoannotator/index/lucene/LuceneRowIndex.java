package org.videoannotator.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;
import org.videoannotator.core.UserException;
import org.videoannotator.index.store.ClipFilter;
import org.videoannotator.index.store.IndexedClip;
import org.videoannotator.index.store.RowIndex;
import org.videoannotator.index.store.RowScore;

/**
 * A Lucene index in a folder of the corpus holding one document per clip row, with the key and row
 * (stored, row also as doc values) and the video (filter term): the write lifecycle of a {@link
 * RowIndex} and the filtered row searches that the lucene vector store and the text index share.
 * Each commit records how many rows it covers in its user data, so the corpus can tell an index
 * that is ahead of or behind the manifest. The writer (and Lucene's write lock) is taken only when
 * the corpus is first written.
 */
abstract class LuceneRowIndex implements RowIndex {
  static final String KEY = "key";
  static final String ROW = "row";
  static final String VIDEO = "video";
  static final String ROWS_COMMITTED = "va.rows";

  /**
   * Lucene 10.2 turns its SIMD code (vectors, postings decoding) off on Java runtimes newer than it
   * knows (24) and falls back to scalar loops, 4-8x slower for 512-d dot products. The incubator
   * Vector API it uses is unchanged in Java 25, so raise the bound unless the user set it. Must run
   * before Lucene's VectorizationProvider is first used; va-index is the only module that uses
   * Lucene.
   */
  static final String LUCENE_UPPER_JAVA = "org.apache.lucene.vectorization.upperJavaFeatureVersion";

  // Held so the level sticks (java.util.logging keeps loggers weakly): Lucene's INFO line about the
  // vector API would otherwise land on every command's stderr; its warnings still show.
  private static final Logger LUCENE_VECTOR_LOG =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  static {
    if (System.getProperty(LUCENE_UPPER_JAVA) == null) {
      System.setProperty(LUCENE_UPPER_JAVA, Integer.toString(Runtime.version().feature()));
    }
    LUCENE_VECTOR_LOG.setLevel(Level.WARNING);
  }

  final Path dir;
  final Directory directory;
  private IndexWriter writer;
  private SearcherManager searchers;

  /**
   * @param preload files (by name) loaded into memory when a segment opens, so first searches are
   *     fast
   */
  LuceneRowIndex(Path dir, BiPredicate<String, IOContext> preload) {
    this.dir = dir;
    try {
      this.directory = FSDirectory.open(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open index " + dir, e);
    }
    if (directory instanceof MMapDirectory mmap) {
      mmap.setPreload(preload);
    }
  }

  /** The writer's configuration (codec, analyzer, buffer); called when the writer is opened. */
  abstract IndexWriterConfig writerConfig();

  /** Adds the fields this index searches beyond key, row and video. */
  abstract void addFields(Document doc, IndexedClip clip);

  /** Stops what {@link #writerConfig} started (merge threads) once the writer is gone. */
  void writerClosed() {}

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
   * Opens the searcher now, loading what the preload names into memory, so that the corpus's first
   * searches are as fast as the later ones. A no-op before the first commit.
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
  synchronized IndexWriter writer() {
    if (writer != null) {
      return writer;
    }
    IndexWriterConfig config =
        writerConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    try {
      writer = new IndexWriter(directory, config);
    } catch (LockObtainFailedException e) {
      writerClosed();
      throw new UserException(
          dir.getParent()
              + ": the corpus is being written by another process (Lucene lock "
              + dir.resolve(IndexWriter.WRITE_LOCK_NAME)
              + "); wait for it to finish");
    } catch (IOException e) {
      writerClosed();
      throw new UncheckedIOException("cannot open index writer " + dir, e);
    }
    return writer;
  }

  final List<Document> documents(List<IndexedClip> clips) {
    List<Document> docs = new ArrayList<>(clips.size());
    for (IndexedClip c : clips) {
      Document doc = new Document();
      doc.add(new StringField(KEY, c.clip().key(), Field.Store.YES));
      doc.add(new IntField(ROW, c.row(), Field.Store.YES));
      doc.add(new StringField(VIDEO, c.clip().video(), Field.Store.NO));
      addFields(doc, c);
      docs.add(doc);
    }
    return docs;
  }

  @Override
  public void add(List<IndexedClip> clips) {
    addAll(writer(), documents(clips));
  }

  final void addAll(IndexWriter w, List<Document> docs) {
    try {
      w.addDocuments(docs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add to index " + dir, e);
    }
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
      writerClosed();
    }
  }

  /**
   * Merges all segments into one (for an HNSW store: one graph, the fastest search), then commits.
   */
  @Override
  public void optimize(long rows) {
    try {
      writer().forceMerge(1);
      commit(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot merge index " + dir, e);
    }
  }

  /** Bytes of every file of the index. */
  final long bytes() throws IOException {
    long bytes = 0;
    for (String file : directory.listAll()) {
      bytes += directory.fileLength(file);
    }
    return bytes;
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

  /**
   * The best {@code n} rows for {@code query} among rows {@code < count} passing {@code filter}.
   */
  final List<RowScore> search(Query query, int n, ClipFilter filter, int count) {
    IndexSearcher searcher = acquire();
    try {
      Query limit = withRowLimit(searcher, filter(filter), count);
      Query filtered =
          limit == null
              ? query
              : new BooleanQuery.Builder().add(query, Occur.MUST).add(limit, Occur.FILTER).build();
      return rowsOf(searcher, searcher.search(filtered, n).scoreDocs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search index " + dir, e);
    } finally {
      release(searcher);
    }
  }

  /** The filter as one Lucene query, or null when it lets everything through. */
  static Query filter(ClipFilter filter) {
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

  static List<BytesRef> bytes(Collection<String> values) {
    return values.stream().map(BytesRef::new).toList();
  }

  /**
   * {@code filter} plus a row range when this searcher's commit holds rows beyond {@code count} (an
   * append whose manifest has not landed). Usually it does not, and the unfiltered HNSW search is
   * cheaper: a filter costs a bitset over every document per query.
   */
  static Query withRowLimit(IndexSearcher searcher, Query filter, int count) throws IOException {
    String rows =
        ((DirectoryReader) searcher.getIndexReader())
            .getIndexCommit()
            .getUserData()
            .get(ROWS_COMMITTED);
    if (rows != null && Long.parseLong(rows) <= count) {
      return filter;
    }
    Query range = IntField.newRangeQuery(ROW, 0, count - 1);
    return filter == null
        ? range
        : new BooleanQuery.Builder().add(filter, Occur.FILTER).add(range, Occur.FILTER).build();
  }

  /**
   * The rows of {@code hits}, in the hits' order, read from the row doc values (far cheaper than
   * stored fields): hits are visited in doc id order because doc values iterate forward only.
   */
  static List<RowScore> rowsOf(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
    Integer[] byDoc = new Integer[hits.length];
    for (int i = 0; i < hits.length; i++) {
      byDoc[i] = i;
    }
    Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
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
      writerClosed();
    }
  }
}

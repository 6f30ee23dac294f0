package org.videoannotator.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.videoannotator.index.store.ClipFilter;
import org.videoannotator.index.store.IndexedClip;
import org.videoannotator.index.store.RowScore;

/**
 * The corpus's word search, whatever its vector store: a Lucene index in the corpus folder's {@code
 * text/} with each clip's title and text (English-stemmed, BM25) beside the filter fields, kept in
 * line with the manifest like any {@link org.videoannotator.index.store.RowIndex} and rebuilt from
 * the corpus files when missing (a corpus written before it existed gets it on its first open). It
 * also lists the rows of videos, for a scan that filters by video.
 */
public final class LuceneTextIndex extends LuceneRowIndex {
  static final String TITLE = "title";
  static final String TEXT = "text";

  /** Text-only segments are small: a modest buffer keeps an import's memory for the vectors. */
  private static final double RAM_BUFFER_MB = 64;

  private final EnglishAnalyzer analyzer = new EnglishAnalyzer();

  private LuceneTextIndex(Path dir) {
    super(dir, (name, context) -> false);
  }

  /** Opens the text index in {@code folder} (created by the first commit). */
  public static LuceneTextIndex open(Path folder) {
    LuceneTextIndex index = new LuceneTextIndex(folder);
    index.warm();
    return index;
  }

  @Override
  IndexWriterConfig writerConfig() {
    return new IndexWriterConfig(new EnglishAnalyzer()).setRAMBufferSizeMB(RAM_BUFFER_MB);
  }

  @Override
  void addFields(Document doc, IndexedClip clip) {
    doc.add(new TextField(TITLE, clip.clip().title(), Field.Store.NO));
    doc.add(new TextField(TEXT, clip.clip().text(), Field.Store.NO));
  }

  /**
   * The best {@code n} rows for {@code words} by full-text relevance over title (weighted 2) and
   * text, English-stemmed, among rows {@code < rowLimit} passing {@code filter}; empty when the
   * words hold no searchable term (only stop words or symbols).
   */
  public Optional<List<RowScore>> matchWords(String words, int n, ClipFilter filter, int rowLimit) {
    Query query = new SimpleQueryParser(analyzer, Map.of(TITLE, 2f, TEXT, 1f)).parse(words);
    // The parser answers MatchNoDocs (not null) when the analyzer drops every word.
    if (query instanceof MatchNoDocsQuery) {
      return Optional.empty();
    }
    return Optional.of(search(query, n, filter, rowLimit));
  }

  /** The rows below {@code rowLimit} of clips of {@code videos}. */
  public BitSet rowsOfVideos(Set<String> videos, int rowLimit) {
    IndexSearcher searcher = acquire();
    try {
      BitSet rows = new BitSet(rowLimit);
      Query query = new TermInSetQuery(VIDEO, bytes(videos));
      for (RowScore hit :
          rowsOf(searcher, searcher.search(query, Math.max(1, rowLimit)).scoreDocs)) {
        if (hit.row() < rowLimit) {
          rows.set(hit.row());
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search index " + dir, e);
    } finally {
      release(searcher);
    }
  }
}

package org.videoannotator.index;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.core.vectors.VectorMath;
import org.videoannotator.index.lucene.LuceneTextIndex;
import org.videoannotator.index.store.ClipFilter;
import org.videoannotator.index.store.RowScore;
import org.videoannotator.index.store.VectorStore;

/**
 * Runs {@link SearchRequest}s against a corpus, whatever its {@link VectorStore}. Vector searches
 * gather the store's approximate candidates with the filters inside its search, then re-score them
 * exactly (dot product of normalised vectors read from the memory-mapped vector file). Word
 * searches use the corpus's text index (BM25 over title, weight 2, and text, 1, English-stemmed),
 * the same whatever the store. Hybrid searches fuse both rankings by reciprocal rank fusion: {@code
 * score = sum over the two lists of 1 / (RRF_K + rank)}, rank from 1, so a clip found by both wins.
 */
final class CorpusSearcher implements AutoCloseable {
  /** The usual RRF constant: damps the weight of the very first ranks. */
  static final int RRF_K = 60;

  /**
   * Below this best cosine a query lies far from the clips (CLIP text queries: 0.2-0.35; a clip's
   * neighbours: 0.6 and more), where a graph built over clip vectors needs more candidates.
   */
  static final float FAR_QUERY_COSINE = 0.5f;

  static final int FAR_QUERY_WIDENING = 4;

  /** What found word hits: the text index is Lucene's, whatever the vector store. */
  static final String WORDS_ENGINE = "lucene-bm25";

  private final CorpusState state;
  private final ClipRows rows;
  private final NamedQueries namedQueries;
  private final VectorStore index;
  private final LuceneTextIndex textIndex;
  private final SearchSettings settings;
  private final QuantizedRows quantized;

  CorpusSearcher(
      CorpusState state,
      ClipRows rows,
      NamedQueries namedQueries,
      VectorStore index,
      LuceneTextIndex text,
      SearchSettings settings) {
    this.state = state;
    this.rows = rows;
    this.namedQueries = namedQueries;
    this.index = index;
    this.textIndex = text;
    this.settings = settings;
    this.quantized = new QuantizedRows(state.dimension());
  }

  SearchResult search(SearchRequest request) {
    int count = state.size();
    List<String> notes = new ArrayList<>();
    String words = request.words();
    Optional<float[]> query = Optional.empty();
    if (request.vector().isPresent()) {
      VectorQuery vq = request.vector().get();
      if (vq instanceof VectorQuery.Text text && text.encoder() == null) {
        notes.add(
            TextEncoderProvider.missingMessage(state.embedder()) + "; searched the words instead");
        words = words.isEmpty() ? text.text() : words + " " + text.text();
      } else {
        query = Optional.of(resolve(vq));
      }
    }
    String mode = query.isPresent() ? (words.isEmpty() ? "vector" : "hybrid") : "words";
    String store = state.manifest().store().kind();
    ClipFilter filter =
        new ClipFilter(request.videos(), request.includeKeys(), request.excludeKeys());
    Optional<BitSet> videoRows =
        request.videos().isEmpty()
            ? Optional.empty()
            : Optional.of(textIndex.rowsOfVideos(request.videos(), count));
    VectorEngine engine =
        request.engine().resolve(count, state.dimension(), index.searchesVectors());
    String vectorEngine = engine == VectorEngine.SCAN ? "int8-scan+exact" : store + "-graph+exact";
    if (count == 0) {
      return new SearchResult(
          List.of(), mode, notes, query.isPresent() ? vectorEngine : WORDS_ENGINE);
    }
    int want = request.offset() + request.k();
    int candidates = settings.candidatesFor(want);
    List<Scored> ranked;
    String used;
    if (mode.equals("vector")) {
      ranked = nearest(query.get(), candidates, filter, videoRows, request.minScore(), engine);
      used = vectorEngine;
    } else {
      Optional<List<RowScore>> wordHits =
          textIndex.matchWords(words, query.isPresent() ? candidates : want, filter, count);
      if (wordHits.isEmpty()) {
        notes.add(
            "the words '" + words + "' hold no searchable terms (only stop words or symbols)");
        ranked =
            query.isPresent()
                ? nearest(query.get(), candidates, filter, videoRows, request.minScore(), engine)
                : List.of();
        mode = query.isPresent() ? "vector" : mode;
        used = query.isPresent() ? vectorEngine : WORDS_ENGINE;
      } else {
        List<Scored> byWords =
            wordHits.get().stream().map(h -> new Scored(h.row(), h.score())).toList();
        ranked =
            query.isPresent()
                ? fuse(
                    nearest(query.get(), candidates, filter, videoRows, request.minScore(), engine),
                    byWords)
                : byWords;
        used = query.isPresent() ? vectorEngine + " + " + WORDS_ENGINE : WORDS_ENGINE;
      }
    }
    List<SearchHit> hits = new ArrayList<>();
    for (int i = request.offset(); i < Math.min(want, ranked.size()); i++) {
      Scored s = ranked.get(i);
      Clip clip = rows.clipAt(s.row());
      hits.add(new SearchHit(clip.key(), s.score(), clip));
    }
    return new SearchResult(hits, mode, notes, used);
  }

  private float[] resolve(VectorQuery vq) {
    int dim = state.dimension();
    return switch (vq) {
      case VectorQuery.Raw raw -> VectorMath.normalisedCopy(raw.vector(), dim, "query vector");
      case VectorQuery.Named named ->
          namedQueries
              .get(named.name())
              .orElseThrow(
                  () ->
                      new UserException(
                          "corpus "
                              + state.dir()
                              + " has no named query '"
                              + named.name()
                              + "'; known: "
                              + abbreviate(namedQueries.all().keySet())));
      case VectorQuery.Text text -> {
        if (!text.encoder().id().equals(state.embedder().id())) {
          throw new UserException(
              "text encoder '"
                  + text.encoder().id()
                  + "' does not match corpus "
                  + state.dir()
                  + " embedded with '"
                  + state.embedder().id()
                  + "'");
        }
        yield VectorMath.normalisedCopy(
            text.encoder().encode(text.text()), dim, "text embedding of '" + text.text() + "'");
      }
      case VectorQuery.Like like -> centroid(like.keys());
    };
  }

  private float[] centroid(List<String> keys) {
    float[] sum = new float[state.dimension()];
    FloatMatrix matrix = rows.matrix(state.size());
    for (String key : keys) {
      int row = rows.rowOf(key, matrix.rows());
      if (row < 0) {
        throw new UserException("corpus " + state.dir() + " has no clip '" + key + "'");
      }
      float[] v = matrix.row(row);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += v[i];
      }
    }
    try {
      return VectorMath.normalisedCopy(sum, sum.length, "centroid of " + keys);
    } catch (UserException e) {
      throw new UserException(
          "the example clips " + keys + " cancel out (their centroid is zero); pick other examples",
          e);
    }
  }

  private static String abbreviate(Collection<String> names) {
    if (names.isEmpty()) {
      return "(none)";
    }
    String shown = names.stream().limit(10).collect(Collectors.joining(", "));
    return names.size() > 10 ? shown + ", ... (" + names.size() + " in all)" : shown;
  }

  /**
   * Candidates of the engine (the int8 scan, or the store's graph), re-scored exactly, cut at
   * minScore, sorted best first (ties by row).
   */
  private List<Scored> nearest(
      float[] query,
      int candidates,
      ClipFilter filter,
      Optional<BitSet> videoRows,
      double minScore,
      VectorEngine engine) {
    FloatMatrix matrix = rows.matrix(state.size());
    int count = matrix.rows();
    int[] rows;
    if (engine == VectorEngine.SCAN) {
      if (quantized.rows() < count) {
        quantized.cover(matrix);
      }
      rows = quantized.candidates(query, candidates, rowFilter(filter, videoRows), count);
    } else {
      rows = graphCandidates(query, candidates, filter, count, matrix);
    }
    List<Scored> out = new ArrayList<>();
    for (int row : rows) {
      float score = ExactSearch.dot(matrix, row, query);
      if (score >= minScore) {
        out.add(new Scored(row, score));
      }
    }
    out.sort(Scored.BEST_FIRST);
    return out;
  }

  /**
   * The store's graph candidates; for a query far from every clip (a text query: its best
   * candidate's cosine under {@link #FAR_QUERY_COSINE}) the graph's walk is unreliable, so it is
   * searched again with {@link #FAR_QUERY_WIDENING} times the candidates.
   */
  private int[] graphCandidates(
      float[] query, int candidates, ClipFilter filter, int count, FloatMatrix matrix) {
    int[] rows =
        index.nearest(query, candidates, filter, count).stream().mapToInt(RowScore::row).toArray();
    float best = Float.NEGATIVE_INFINITY;
    for (int row : rows) {
      best = Math.max(best, ExactSearch.dot(matrix, row, query));
    }
    int wider = (int) Math.min(SearchRequest.MAX_K, (long) candidates * FAR_QUERY_WIDENING);
    if (rows.length > 0 && best < FAR_QUERY_COSINE && wider > candidates) {
      rows = index.nearest(query, wider, filter, count).stream().mapToInt(RowScore::row).toArray();
    }
    return rows;
  }

  /**
   * The filter as a row test for the scan (null when nothing is filtered); videos as the store
   * listed their rows.
   */
  private IntPredicate rowFilter(ClipFilter filter, Optional<BitSet> videoRows) {
    if (filter.isEmpty()) {
      return null;
    }
    BitSet include = filter.includeKeys().isEmpty() ? null : rowsOf(filter.includeKeys());
    BitSet exclude = rowsOf(filter.excludeKeys());
    BitSet videos = videoRows.orElse(null);
    return row ->
        (include == null || include.get(row))
            && !exclude.get(row)
            && (videos == null || videos.get(row));
  }

  private BitSet rowsOf(Collection<String> keys) {
    BitSet rows = new BitSet();
    for (String key : keys) {
      int row = this.rows.rowOf(key, state.size());
      if (row >= 0) {
        rows.set(row);
      }
    }
    return rows;
  }

  @Override
  public void close() {
    quantized.close();
  }

  private static List<Scored> fuse(List<Scored> a, List<Scored> b) {
    Map<Integer, Float> scores = new HashMap<>();
    for (List<Scored> list : List.of(a, b)) {
      for (int rank = 0; rank < list.size(); rank++) {
        scores.merge(list.get(rank).row(), 1f / (RRF_K + rank + 1), Float::sum);
      }
    }
    List<Scored> out = new ArrayList<>();
    scores.forEach((row, score) -> out.add(new Scored(row, score)));
    out.sort(Scored.BEST_FIRST);
    return out;
  }

  record Scored(int row, float score) {
    static final Comparator<Scored> BEST_FIRST =
        Comparator.comparingDouble((Scored s) -> -s.score()).thenComparingInt(Scored::row);
  }
}

package org.videoannotator.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.FloatMatrix;

/**
 * Runs {@link SearchRequest}s against a corpus. Vector searches gather HNSW candidates with the
 * filters inside Lucene's search, then re-score them exactly (dot product of normalised vectors read
 * from the memory-mapped vector file). Word searches use BM25 over title (weight 2) and text (1),
 * English-stemmed. Hybrid searches fuse both rankings by reciprocal rank fusion: {@code score =
 * sum over the two lists of 1 / (RRF_K + rank)}, rank from 1, so a clip found by both wins.
 */
final class CorpusSearcher {
  /** The usual RRF constant: damps the weight of the very first ranks. */
  static final int RRF_K = 60;

  private final Corpus corpus;
  private final Analyzer analyzer = ClipIndex.analyzer();

  CorpusSearcher(Corpus corpus) {
    this.corpus = corpus;
  }

  SearchResult search(SearchRequest request) {
    int count = corpus.size();
    List<String> notes = new ArrayList<>();
    String words = request.words();
    Optional<float[]> query = Optional.empty();
    if (request.vector().isPresent()) {
      VectorQuery vq = request.vector().get();
      if (vq instanceof VectorQuery.Text text && text.encoder() == null) {
        notes.add(TextEncoderProvider.missingMessage(corpus.embedder()) + "; searched the words instead");
        words = words.isEmpty() ? text.text() : words + " " + text.text();
      } else {
        query = Optional.of(resolve(vq));
      }
    }
    String mode = query.isPresent() ? (words.isEmpty() ? "vector" : "hybrid") : "words";
    if (count == 0) {
      return new SearchResult(List.of(), mode, notes);
    }
    Query filter = filter(request);
    int want = request.offset() + request.k();
    int candidates = corpus.settings().candidatesFor(want);
    List<Scored> ranked;
    if (mode.equals("vector")) {
      ranked = nearest(query.get(), candidates, filter, request.minScore());
    } else {
      Query wordQuery = parseWords(words);
      if (wordQuery == null) {
        notes.add("the words '" + words + "' hold no searchable terms (only stop words or symbols)");
        ranked = query.isPresent() ? nearest(query.get(), candidates, filter, request.minScore()) : List.of();
        mode = query.isPresent() ? "vector" : mode;
      } else {
        List<Scored> byWords =
            corpus.index().search(wordQuery, query.isPresent() ? candidates : want, filter, count).stream()
                .map(h -> new Scored(h.row(), h.score()))
                .toList();
        ranked = query.isPresent()
            ? fuse(nearest(query.get(), candidates, filter, request.minScore()), byWords)
            : byWords;
      }
    }
    List<SearchHit> hits = new ArrayList<>();
    for (int i = request.offset(); i < Math.min(want, ranked.size()); i++) {
      Scored s = ranked.get(i);
      Clip clip = corpus.clipAt(s.row());
      hits.add(new SearchHit(clip.key(), s.score(), clip));
    }
    return new SearchResult(hits, mode, notes);
  }

  private float[] resolve(VectorQuery vq) {
    int dim = corpus.dimension();
    return switch (vq) {
      case VectorQuery.Raw raw -> Vectors.normalisedCopy(raw.vector(), dim, "query vector");
      case VectorQuery.Named named ->
          corpus.namedQuery(named.name()).orElseThrow(() -> new UserException(
              "corpus " + corpus.dir() + " has no named query '" + named.name() + "'; known: "
                  + abbreviate(corpus.namedQueries().keySet())));
      case VectorQuery.Text text -> {
        if (!text.encoder().id().equals(corpus.embedder().id())) {
          throw new UserException(
              "text encoder '" + text.encoder().id() + "' does not match corpus " + corpus.dir()
                  + " embedded with '" + corpus.embedder().id() + "'");
        }
        yield Vectors.normalisedCopy(text.encoder().encode(text.text()), dim, "text embedding of '" + text.text() + "'");
      }
      case VectorQuery.Like like -> centroid(like.keys());
    };
  }

  private float[] centroid(List<String> keys) {
    float[] sum = new float[corpus.dimension()];
    for (String key : keys) {
      float[] v = corpus.vector(key);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += v[i];
      }
    }
    try {
      return Vectors.normalisedCopy(sum, sum.length, "centroid of " + keys);
    } catch (UserException e) {
      throw new UserException("the example clips " + keys + " cancel out (their centroid is zero); pick other examples", e);
    }
  }

  private static String abbreviate(Collection<String> names) {
    if (names.isEmpty()) {
      return "(none)";
    }
    String shown = names.stream().limit(10).collect(Collectors.joining(", "));
    return names.size() > 10 ? shown + ", ... (" + names.size() + " in all)" : shown;
  }

  /** The request's filters as one Lucene filter, or null when it has none. */
  private static Query filter(SearchRequest request) {
    if (!request.filtered()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    // A query of only MUST_NOT clauses matches nothing: exclusions need something to subtract from.
    b.add(new MatchAllDocsQuery(), Occur.FILTER);
    if (!request.videos().isEmpty()) {
      b.add(new TermInSetQuery(ClipIndex.VIDEO, bytes(request.videos())), Occur.FILTER);
    }
    if (!request.includeKeys().isEmpty()) {
      b.add(new TermInSetQuery(ClipIndex.KEY, bytes(request.includeKeys())), Occur.FILTER);
    }
    if (!request.excludeKeys().isEmpty()) {
      b.add(new TermInSetQuery(ClipIndex.KEY, bytes(request.excludeKeys())), Occur.MUST_NOT);
    }
    return b.build();
  }

  private static List<BytesRef> bytes(Collection<String> values) {
    return values.stream().map(BytesRef::new).toList();
  }

  private Query parseWords(String words) {
    SimpleQueryParser parser =
        new SimpleQueryParser(analyzer, Map.of(ClipIndex.TITLE, 2f, ClipIndex.TEXT, 1f));
    Query query = parser.parse(words);
    // The parser answers MatchNoDocs (not null) when the analyzer drops every word.
    return query instanceof MatchNoDocsQuery ? null : query;
  }

  /** HNSW candidates, re-scored exactly, cut at minScore, sorted best first (ties by row). */
  private List<Scored> nearest(float[] query, int candidates, Query filter, double minScore) {
    FloatMatrix matrix = corpus.matrix();
    List<Scored> out = new ArrayList<>();
    for (ClipIndex.RowScore hit : corpus.index().nearest(query, candidates, filter, corpus.size())) {
      float score = Vectors.dot(matrix, hit.row(), query);
      if (score >= minScore) {
        out.add(new Scored(hit.row(), score));
      }
    }
    out.sort(Scored.BEST_FIRST);
    return out;
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

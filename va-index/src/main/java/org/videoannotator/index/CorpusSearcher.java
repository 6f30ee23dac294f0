package org.videoannotator.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.videoannotator.core.UserException;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.core.vectors.VectorMath;
import org.videoannotator.index.store.ClipFilter;
import org.videoannotator.index.store.RowScore;
import org.videoannotator.index.store.VectorIndex;

/**
 * Runs {@link SearchRequest}s against a corpus, whatever its {@link VectorIndex}. Vector searches
 * gather the store's approximate candidates with the filters inside its search, then re-score them
 * exactly (dot product of normalised vectors read from the memory-mapped vector file). Word
 * searches use the store's full-text relevance (BM25 over title, weight 2, and text, 1,
 * English-stemmed). Hybrid searches fuse both rankings by reciprocal rank fusion: {@code score =
 * sum over the two lists of 1 / (RRF_K + rank)}, rank from 1, so a clip found by both wins.
 */
final class CorpusSearcher {
  /** The usual RRF constant: damps the weight of the very first ranks. */
  static final int RRF_K = 60;

  private final Corpus corpus;
  private final VectorIndex index;

  CorpusSearcher(Corpus corpus, VectorIndex index) {
    this.corpus = corpus;
    this.index = index;
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
    ClipFilter filter = new ClipFilter(request.videos(), request.includeKeys(), request.excludeKeys());
    int want = request.offset() + request.k();
    int candidates = corpus.settings().candidatesFor(want);
    List<Scored> ranked;
    if (mode.equals("vector")) {
      ranked = nearest(query.get(), candidates, filter, request.minScore());
    } else {
      Optional<List<RowScore>> wordHits =
          index.matchWords(words, query.isPresent() ? candidates : want, filter, count);
      if (wordHits.isEmpty()) {
        notes.add("the words '" + words + "' hold no searchable terms (only stop words or symbols)");
        ranked = query.isPresent() ? nearest(query.get(), candidates, filter, request.minScore()) : List.of();
        mode = query.isPresent() ? "vector" : mode;
      } else {
        List<Scored> byWords = wordHits.get().stream().map(h -> new Scored(h.row(), h.score())).toList();
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
      case VectorQuery.Raw raw -> VectorMath.normalisedCopy(raw.vector(), dim, "query vector");
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
        yield VectorMath.normalisedCopy(text.encoder().encode(text.text()), dim, "text embedding of '" + text.text() + "'");
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
      return VectorMath.normalisedCopy(sum, sum.length, "centroid of " + keys);
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

  /** HNSW candidates, re-scored exactly, cut at minScore, sorted best first (ties by row). */
  private List<Scored> nearest(float[] query, int candidates, ClipFilter filter, double minScore) {
    FloatMatrix matrix = corpus.matrix();
    List<Scored> out = new ArrayList<>();
    for (RowScore hit : index.nearest(query, candidates, filter, corpus.size())) {
      float score = ExactSearch.dot(matrix, hit.row(), query);
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

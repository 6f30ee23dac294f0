package org.videoannotator.server.search;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.SearchHit;
import org.videoannotator.index.SearchRequest;
import org.videoannotator.index.SearchResult;
import org.videoannotator.index.TextEncoder;
import org.videoannotator.server.annotations.AnnotationView;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.clips.ClipView;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Label;
import org.videoannotator.server.store.UnknownLabelException;

/**
 * {@code GET /api/search}: text-to-video, full-text words, a named query, or "more like these",
 * optionally only among clips not yet annotated for a label (filtered inside the search).
 */
public final class SearchController {
  public static final int MAX_K = 500;
  private static final List<String> MODES = List.of("text", "words", "query", "like");

  private final Corpus corpus;
  private final AnnotationStore store;
  private final TextEncoder textEncoder;

  /**
   * @param textEncoder the corpus's text encoder, or null (text falls back to full-text)
   */
  public SearchController(Corpus corpus, AnnotationStore store, TextEncoder textEncoder) {
    this.corpus = corpus;
    this.store = store;
    this.textEncoder = textEncoder;
  }

  /**
   * A page of hits; {@code engine} is how the corpus searched ({@code engineDetail}: the vector
   * engine, e.g. int8-scan+exact), {@code notes} what it fell back to.
   */
  public record SearchPage(
      String mode,
      String engine,
      String engineDetail,
      List<String> notes,
      int k,
      int offset,
      List<HitView> hits) {}

  /** One search hit as the API shows it. */
  public record HitView(String key, float score, ClipView clip, AnnotationView annotation) {}

  public void search(Context ctx) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String mode : MODES) {
      Params.string(ctx, mode).ifPresent(v -> given.put(mode, v));
    }
    if (given.size() != 1) {
      throw ApiException.badRequest(
          "text",
          "give exactly one of text, words, query or like; got "
              + (given.isEmpty() ? "none" : given.keySet()));
    }
    int k = Params.integer(ctx, "k", 20, 1, MAX_K);
    int offset = Params.integer(ctx, "offset", 0, 0, 100_000);
    Optional<Label> label =
        Params.string(ctx, "label")
            .map(
                name ->
                    store
                        .label(name)
                        .orElseThrow(
                            () ->
                                ApiException.notFound(
                                    "label", UnknownLabelException.message(name))));
    boolean unlabelled = Params.bool(ctx, "unlabelled", false);
    if (unlabelled && label.isEmpty()) {
      throw ApiException.badRequest(
          "unlabelled", "unlabelled=true needs label=<name> to know what is labelled");
    }
    Map<String, CurrentAnnotation> annotations = new HashMap<>();
    label.ifPresent(l -> store.current(l.name()).forEach(a -> annotations.put(a.key(), a)));

    String mode = given.keySet().iterator().next();
    String value = given.get(mode);
    SearchRequest.Builder request = SearchRequest.builder().k(k).offset(offset);
    switch (mode) {
      case "text" -> request.text(value, textEncoder);
      case "words" -> request.words(value);
      case "query" -> {
        if (corpus.namedQuery(value).isEmpty()) {
          throw ApiException.notFound(
              "query",
              "the corpus has no named query '"
                  + Params.shorten(value)
                  + "'; it has "
                  + Params.shorten(String.join(", ", corpus.namedQueries().keySet())));
        }
        request.namedQuery(value);
      }
      default -> request.like(likeKeys(value));
    }
    if (unlabelled) {
      request.excludeKeys(annotations.keySet());
    }
    SearchResult result = corpus.search(request.build());
    List<HitView> hits = new ArrayList<>();
    for (SearchHit hit : result.hits()) {
      CurrentAnnotation a = annotations.get(hit.key());
      hits.add(
          new HitView(
              hit.key(),
              hit.score(),
              ClipView.of(hit.clip(), corpus),
              a == null ? null : AnnotationView.of(a)));
    }
    ctx.json(new SearchPage(mode, result.mode(), result.engine(), result.notes(), k, offset, hits));
  }

  /** Comma-separated keys, unless the whole value is itself a key; every key must exist. */
  private Set<String> likeKeys(String value) {
    Set<String> keys =
        corpus.hasKey(value)
            ? Set.of(value)
            : Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    for (String key : keys) {
      if (!corpus.hasKey(key)) {
        throw ApiException.notFound(
            "like", "the corpus has no clip '" + Params.shorten(key) + "' (like)");
      }
    }
    if (keys.isEmpty() || keys.size() > 1000) {
      throw ApiException.badRequest("like", "like needs 1..1000 comma-separated clip keys");
    }
    return keys;
  }
}

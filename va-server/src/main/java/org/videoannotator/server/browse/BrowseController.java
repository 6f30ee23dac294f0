package org.videoannotator.server.browse;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.annotations.AnnotationView;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.clips.ClipView;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Label;
import org.videoannotator.server.store.UnknownLabelException;

/** {@code GET /api/browse}: HTTP in and out of {@link BrowseService}. */
public final class BrowseController {
  private static final int MAX_K = 1_000;
  private final Corpus corpus;
  private final AnnotationStore store;
  private final BrowseService service;

  public BrowseController(Corpus corpus, AnnotationStore store) {
    this.corpus = corpus;
    this.store = store;
    this.service = new BrowseService(corpus);
  }

  /** One browsed clip; {@code annotation} is the label's current one, if any. */
  public record BrowseItem(String key, ClipView clip, AnnotationView annotation) {}

  /**
   * A page of browsed clips ({@code mode} is always {@code browse}, as search pages name theirs).
   */
  public record BrowsePage(String mode, int total, int k, int offset, List<BrowseItem> hits) {}

  /** A clip and the shots around it in its video. */
  public record NeighboursView(ClipView clip, List<ClipView> before, List<ClipView> after) {}

  /** {@code ?key=K&n=3}: the clip and the shots around it in its video (the inspector's strip). */
  public void neighbours(Context ctx) {
    String key =
        Params.string(ctx, "key")
            .orElseThrow(() -> ApiException.badRequest("key", "give key=<clip key>"));
    int n = Params.integer(ctx, "n", 3, 0, 20);
    BrowseService.Neighbours found =
        service
            .neighbours(key, n)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "key", "the corpus has no clip '" + Params.shorten(key) + "'"));
    ctx.json(
        new NeighboursView(
            ClipView.of(found.clip(), corpus),
            found.before().stream().map(c -> ClipView.of(c, corpus)).toList(),
            found.after().stream().map(c -> ClipView.of(c, corpus)).toList()));
  }

  public void browse(Context ctx) {
    int k = Params.integer(ctx, "k", 30, 1, MAX_K);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    double min = number(ctx, "minSeconds", 0);
    double max = number(ctx, "maxSeconds", Double.MAX_VALUE);
    if (max < min) {
      throw ApiException.badRequest(
          "maxSeconds", "maxSeconds " + max + " is below minSeconds " + min);
    }
    String labelName = Params.string(ctx, "label").orElse(null);
    Map<String, CurrentAnnotation> annotations = new HashMap<>();
    if (labelName != null) {
      Label label =
          store
              .label(labelName)
              .orElseThrow(
                  () -> ApiException.notFound("label", UnknownLabelException.message(labelName)));
      store.current(label.name()).forEach(a -> annotations.put(a.key(), a));
    }
    boolean unlabelled = Params.bool(ctx, "unlabelled", false);
    if (unlabelled && labelName == null) {
      throw ApiException.badRequest(
          "unlabelled", "unlabelled=true needs label=<name> to know what is labelled");
    }
    BrowseService.Page page =
        service.browse(
            new BrowseService.Query(
                Params.string(ctx, "video").orElse(""),
                min,
                max,
                unlabelled ? annotations.keySet() : Set.of(),
                k,
                offset));
    List<BrowseItem> items =
        page.clips().stream()
            .map(
                c ->
                    new BrowseItem(
                        c.key(),
                        ClipView.of(c, corpus),
                        annotations.containsKey(c.key())
                            ? AnnotationView.of(annotations.get(c.key()))
                            : null))
            .toList();
    ctx.json(new BrowsePage("browse", page.total(), k, offset, items));
  }

  private static double number(Context ctx, String name, double fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      double v = Double.parseDouble(raw);
      if (!Double.isFinite(v) || v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          name, name + " must be a number of seconds >= 0, got '" + Params.shorten(raw) + "'");
    }
  }
}

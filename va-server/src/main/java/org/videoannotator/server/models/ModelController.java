package org.videoannotator.server.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.List;
import java.util.Map;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Bodies;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.labels.LabelController;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Label;
import org.videoannotator.server.store.ModelRow;

/** Model versions of a label over HTTP: list, score clips, quick preview ({@link ScoringService}). */
public final class ModelController {
  private final AnnotationStore store;
  private final ScoringService scoring;

  public ModelController(AnnotationStore store, ScoringService scoring) {
    this.store = store;
    this.scoring = scoring;
  }

  public void register(JavalinDefaultRouting r) {
    r.get("/api/labels/{label}/models", this::list);
    r.post("/api/labels/{label}/models/{version}/score", this::score);
    r.get("/api/labels/{label}/preview", this::preview);
  }

  private void list(Context ctx) {
    ctx.json(scoring.versions(LabelController.require(store, ctx).name()));
  }

  private ModelRow version(Label label, String text) {
    int v = Params.parseInt("version", text, 1, Integer.MAX_VALUE);
    return scoring.version(label.name(), v).orElseThrow(() -> ApiException.notFound("version",
        "label '" + label.name() + "' has no model version " + v));
  }

  private void score(Context ctx) {
    Label label = LabelController.require(store, ctx);
    ModelRow row = version(label, ctx.pathParam("version"));
    JsonNode body = Bodies.object(ctx);
    var keys = Bodies.strings(body, "keys", false);
    if (keys.isPresent() && keys.get().size() > ScoringService.MAX_SCORE_KEYS) {
      throw ApiException.badRequest("keys", "at most " + ScoringService.MAX_SCORE_KEYS + " keys per request, got "
          + keys.get().size());
    }
    List<ScoringService.Scored> scores;
    try {
      scores = scoring.score(row, keys);
    } catch (ScoringService.UnknownKeyException e) {
      throw ApiException.notFound("keys", "the corpus has no clip '" + Params.shorten(e.key()) + "' (keys)");
    }
    ctx.json(Map.of("version", row.version(), "scores",
        scores.stream().map(s -> Map.of("key", s.key(), "score", s.score())).toList()));
  }

  private void preview(Context ctx) {
    Label label = LabelController.require(store, ctx);
    int k = Params.integer(ctx, "k", 5, 1, 100);
    ModelRow row = Params.string(ctx, "version").map(v -> version(label, v))
        .orElseGet(() -> scoring.latest(label.name()).orElseThrow(() -> ApiException.conflict("version",
            "label '" + label.name() + "' has no model yet; build first")));
    ctx.json(scoring.preview(label.name(), row, k));
  }
}

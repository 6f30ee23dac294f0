package org.videoannotator.server.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.videoannotator.server.api.Bodies;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.labels.LabelService;
import org.videoannotator.server.store.Label;
import org.videoannotator.server.store.ModelRow;

/**
 * Model versions of a label over HTTP: list, score clips, quick preview ({@link ScoringService}).
 */
public final class ModelController {
  private final LabelService labels;
  private final ScoringService scoring;

  public ModelController(LabelService labels, ScoringService scoring) {
    this.labels = labels;
    this.scoring = scoring;
  }

  public void list(Context ctx) {
    ctx.json(scoring.versions(label(ctx).name()));
  }

  private Label label(Context ctx) {
    return labels.require(ctx.pathParam("label"));
  }

  private ModelRow version(Label label, String text) {
    return scoring.requireVersion(
        label.name(), Params.parseInt("version", text, 1, Integer.MAX_VALUE));
  }

  public void score(Context ctx) {
    ModelRow row = version(label(ctx), ctx.pathParam("version"));
    JsonNode body = Bodies.object(ctx);
    ctx.json(scoring.scores(row, Bodies.strings(body, "keys", false)));
  }

  public void preview(Context ctx) {
    Label label = label(ctx);
    int k = Params.integer(ctx, "k", 5, 1, 100);
    ModelRow row =
        Params.string(ctx, "version")
            .map(v -> version(label, v))
            .orElseGet(() -> scoring.requireLatest(label.name()));
    ctx.json(scoring.preview(label.name(), row, k));
  }
}

package org.videoannotator.server.team;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.videoannotator.server.annotations.Annotators;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Bodies;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.auth.Permission;
import org.videoannotator.server.labels.LabelService;
import org.videoannotator.server.store.Label;

/**
 * HTTP for a label's team: {@code GET .../agreement} ({@link AgreementService}) and the
 * adjudication queue, settle and undo ({@link AdjudicationService}); settling needs a reviewer or
 * an admin when the corpus has accounts.
 */
public final class TeamController {
  private final LabelService labels;
  private final AgreementService agreement;
  private final AdjudicationService adjudication;

  public TeamController(
      LabelService labels, AgreementService agreement, AdjudicationService adjudication) {
    this.labels = labels;
    this.agreement = agreement;
    this.adjudication = adjudication;
  }

  public void agreement(Context ctx) {
    ctx.json(agreement.agreement(label(ctx).name()));
  }

  public void queue(Context ctx) {
    Label label = label(ctx);
    String state = Params.oneOf(ctx, "state", "open", AdjudicationService.State.wireNames());
    int k = Params.integer(ctx, "k", 100, 1, 10_000);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    ctx.json(adjudication.queue(label.name(), AdjudicationService.State.of(state), k, offset));
  }

  /** {@code POST .../adjudication} with {@code {key, value, note?}}. */
  public void settle(Context ctx) {
    Permission.SETTLE.require(ctx);
    Label label = label(ctx);
    JsonNode body = Bodies.object(ctx);
    String key = Bodies.requiredString(body, "key");
    String value = Bodies.requiredString(body, "value");
    String note = Bodies.string(body, "note").orElse(null);
    ctx.json(adjudication.settle(label.name(), key, value, note, actor(ctx)));
  }

  /** {@code DELETE .../adjudication?key=}: undoes the clip's settlement. */
  public void undo(Context ctx) {
    Permission.SETTLE.require(ctx);
    Label label = label(ctx);
    String key =
        Params.string(ctx, "key")
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "key",
                        "the query parameter key is required (the clip whose settlement to undo)"));
    ctx.json(adjudication.undo(label.name(), key, actor(ctx)));
  }

  private Label label(Context ctx) {
    return labels.require(ctx.pathParam("label"));
  }

  /** Who settles: the account, else the X-Annotator header, else "anonymous". */
  private static String actor(Context ctx) {
    return Annotators.resolve(ctx, null, "X-Annotator");
  }
}

package org.videoannotator.server.annotations;

import io.javalin.http.Context;
import java.util.List;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.assign.AssignmentService;
import org.videoannotator.server.auth.Principal;
import org.videoannotator.server.labels.LabelService;
import org.videoannotator.server.store.Label;
import org.videoannotator.server.store.NewVote;

/**
 * Annotations over HTTP: add (one or a batch), current set, undo, history ({@link
 * AnnotationService}).
 */
public final class AnnotationController {
  private final LabelService labels;
  private final AnnotationService annotations;
  private final VoteParser parser;
  private final AssignmentService assignments;

  public AnnotationController(
      Corpus corpus,
      LabelService labels,
      AnnotationService annotations,
      AssignmentService assignments) {
    this.labels = labels;
    this.annotations = annotations;
    this.parser = new VoteParser(corpus);
    this.assignments = assignments;
  }

  public void current(Context ctx) {
    ctx.json(annotations.current(label(ctx)));
  }

  /** Undo of the clip named in the path. */
  public void undoByPath(Context ctx) {
    undo(ctx, ctx.pathParam("key"));
  }

  /**
   * Undo of the clip named by {@code ?key=}, for keys with '/' that a path segment cannot carry.
   */
  public void undoByQuery(Context ctx) {
    undo(
        ctx,
        Params.string(ctx, "key")
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "key", "the query parameter key is required (the clip to undo)")));
  }

  private Label label(Context ctx) {
    return labels.require(ctx.pathParam("label"));
  }

  public void add(Context ctx) {
    Label label = label(ctx);
    List<NewVote> votes = parser.parse(ctx);
    // A label with assignees takes votes from them only (the batch is refused whole).
    votes.stream()
        .map(NewVote::annotator)
        .distinct()
        .forEach(a -> assignments.requireAssignee(label.name(), a));
    ctx.status(201).json(annotations.add(label, votes));
  }

  private void undo(Context ctx, String key) {
    Label label = label(ctx);
    String annotator =
        Annotators.resolveForRemoval(
            ctx, Params.string(ctx, "annotator").orElse(null), "annotator");
    ctx.json(annotations.undo(label, key, annotator, Principal.actor(ctx, annotator)));
  }

  public void history(Context ctx) {
    Label label = label(ctx);
    int limit = Params.integer(ctx, "limit", 100, 1, 10_000);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    ctx.json(
        annotations.history(
            label,
            Params.string(ctx, "key").orElse(null),
            Params.string(ctx, "annotator").orElse(null),
            limit,
            offset));
  }
}

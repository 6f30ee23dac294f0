package org.videoannotator.server.annotations;

import io.javalin.http.Context;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.auth.Principal;
import org.videoannotator.server.labels.LabelService;
import org.videoannotator.server.store.Label;

/** Annotations over HTTP: add (one or a batch), current set, undo, history ({@link AnnotationService}). */
public final class AnnotationController {
  private final LabelService labels;
  private final AnnotationService annotations;
  private final VoteParser parser;

  public AnnotationController(Corpus corpus, LabelService labels, AnnotationService annotations) {
    this.labels = labels;
    this.annotations = annotations;
    this.parser = new VoteParser(corpus);
  }

  public void current(Context ctx) {
    ctx.json(annotations.current(label(ctx)));
  }

  /** Undo of the clip named in the path. */
  public void undoByPath(Context ctx) {
    undo(ctx, ctx.pathParam("key"));
  }

  /** Undo of the clip named by {@code ?key=}, for keys with '/' that a path segment cannot carry. */
  public void undoByQuery(Context ctx) {
    undo(ctx, Params.string(ctx, "key").orElseThrow(
        () -> ApiException.badRequest("key", "the query parameter key is required (the clip to undo)")));
  }

  private Label label(Context ctx) {
    return labels.require(ctx.pathParam("label"));
  }

  public void add(Context ctx) {
    Label label = label(ctx);
    ctx.status(201).json(annotations.add(label, parser.parse(ctx)));
  }

  private void undo(Context ctx, String key) {
    Label label = label(ctx);
    String annotator = Annotators.resolveForRemoval(ctx, Params.string(ctx, "annotator").orElse(null), "annotator");
    ctx.json(annotations.undo(label, key, annotator, Principal.actor(ctx, annotator)));
  }

  public void history(Context ctx) {
    Label label = label(ctx);
    int limit = Params.integer(ctx, "limit", 100, 1, 10_000);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    ctx.json(annotations.history(label, Params.string(ctx, "key").orElse(null),
        Params.string(ctx, "annotator").orElse(null), limit, offset));
  }
}

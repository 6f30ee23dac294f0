package org.videoannotator.server.annotations;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.List;
import java.util.Map;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.auth.Principal;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.feeds.AutoFeed;
import org.videoannotator.server.labels.LabelController;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Counts;
import org.videoannotator.server.store.Event;
import org.videoannotator.server.store.Label;
import org.videoannotator.server.store.NewVote;
import org.videoannotator.server.store.Source;
import org.videoannotator.server.store.Value;

/** Annotations of a label: add (one or a batch), current set, undo, history. */
public final class AnnotationController {
  private final Corpus corpus;
  private final AnnotationStore store;
  private final BuildService builds;
  private final AutoFeed autoFeed;
  private final VoteParser parser;

  public AnnotationController(Corpus corpus, AnnotationStore store, BuildService builds, AutoFeed autoFeed) {
    this.corpus = corpus;
    this.store = store;
    this.builds = builds;
    this.autoFeed = autoFeed;
    this.parser = new VoteParser(corpus);
  }

  public void register(JavalinDefaultRouting r) {
    r.post("/api/labels/{label}/annotations", this::add);
    r.get("/api/labels/{label}/annotations", this::current);
    r.delete("/api/labels/{label}/annotations/{key}", ctx -> undo(ctx, ctx.pathParam("key")));
    r.delete("/api/labels/{label}/annotations", ctx -> undo(ctx, Params.string(ctx, "key").orElseThrow(
        () -> ApiException.badRequest("key", "the query parameter key is required (the clip to undo)"))));
    r.get("/api/labels/{label}/history", this::history);
  }

  private void add(Context ctx) {
    Label label = LabelController.require(store, ctx);
    List<NewVote> votes = parser.parse(ctx);
    List<Event> events = store.append(label.name(), votes);
    builds.latestFeeds(label.name()).ifPresent(snapshot -> autoFeed.record(label.name(), snapshot, events));
    ctx.status(201).json(Map.of(
        "accepted", events.size(),
        "events", events.stream().map(EventView::of).toList(),
        "counts", Counts.of(store.current(label.name()))));
  }

  private void current(Context ctx) {
    Label label = LabelController.require(store, ctx);
    var current = store.current(label.name());
    ctx.json(Map.of(
        "label", label.name(),
        "counts", Counts.of(current),
        "annotations", current.stream().map(AnnotationView::of).toList()));
  }

  private void undo(Context ctx, String key) {
    Label label = LabelController.require(store, ctx);
    String annotator = Annotators.resolveForRemoval(ctx, Params.string(ctx, "annotator").orElse(null), "annotator");
    if (store.currentVote(label.name(), key, annotator).isEmpty()) {
      throw ApiException.notFound("key", "annotator '" + annotator + "' has no current annotation of clip '"
          + Params.shorten(key) + "' for label '" + label.name() + "'");
    }
    String actor = Principal.actor(ctx, annotator);
    if (!actor.equals(annotator)) {
      store.users().audit(actor, "vote-removed", "label " + label.name() + ", clip " + key + ", annotator " + annotator);
    }
    Event removed = store.append(label.name(), List.of(new NewVote(key, Value.REMOVED, annotator, Source.undo())))
        .getFirst();
    ctx.json(Map.of("removed", EventView.of(removed), "counts", Counts.of(store.current(label.name()))));
  }

  private void history(Context ctx) {
    Label label = LabelController.require(store, ctx);
    int limit = Params.integer(ctx, "limit", 100, 1, 10_000);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    List<Event> events = store.history(label.name(), Params.string(ctx, "key").orElse(null),
        Params.string(ctx, "annotator").orElse(null), limit, offset);
    ctx.json(Map.of("events", events.stream().map(EventView::of).toList()));
  }
}

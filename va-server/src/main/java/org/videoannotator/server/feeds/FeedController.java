package org.videoannotator.server.feeds;

import io.javalin.http.Context;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.assign.AssignmentService;
import org.videoannotator.server.assign.Worker;
import org.videoannotator.server.labels.LabelService;
import org.videoannotator.server.store.Label;

/** {@code GET /api/labels/{label}/feeds/{feed}}: HTTP in and out of {@link FeedService}. */
public final class FeedController {
  private final LabelService labels;
  private final FeedService feeds;
  private final AssignmentService assignments;

  public FeedController(LabelService labels, FeedService feeds, AssignmentService assignments) {
    this.labels = labels;
    this.feeds = feeds;
    this.assignments = assignments;
  }

  public void feed(Context ctx) {
    Label label = labels.require(ctx.pathParam("label"));
    String feed = ctx.pathParam("feed");
    FeedService.requireServable(feed); // an unknown feed is named before a bad k or offset
    int k = Params.integer(ctx, "k", 20, 1, FeedService.MAX_K);
    int offset = Params.integer(ctx, "offset", 0, 0, 1_000_000);
    // Pages are per annotator: the account's name, or the X-Annotator header without accounts.
    Worker worker = Worker.of(ctx);
    assignments.requireAssignee(label.name(), worker.name());
    ctx.json(feeds.page(label, worker, feed, k, offset));
  }
}

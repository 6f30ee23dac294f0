package org.videoannotator.server.review;

import io.javalin.http.Context;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.assign.AssignmentService;
import org.videoannotator.server.assign.Worker;
import org.videoannotator.server.labels.LabelService;
import org.videoannotator.server.store.Label;

/** {@code GET /api/labels/{label}/review}: HTTP for {@link ReviewService}. */
public final class ReviewController {
  private final LabelService labels;
  private final ReviewService reviews;
  private final AssignmentService assignments;

  public ReviewController(
      LabelService labels, ReviewService reviews, AssignmentService assignments) {
    this.labels = labels;
    this.reviews = reviews;
    this.assignments = assignments;
  }

  public void review(Context ctx) {
    Label label = labels.require(ctx.pathParam("label"));
    String filter = Params.oneOf(ctx, "filter", "all", ReviewService.Filter.wireNames());
    int k = Params.integer(ctx, "k", 100, 1, 10_000);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    ReviewService.Filter chosen = ReviewService.Filter.of(filter);
    Worker worker = Worker.of(ctx);
    if (chosen == ReviewService.Filter.NEEDS_VOTE) {
      assignments.requireAssignee(label.name(), worker.name()); // it serves work, as the feeds do
    }
    ctx.json(reviews.review(label.name(), worker, chosen, k, offset));
  }
}

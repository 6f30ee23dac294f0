package org.videoannotator.server.review;

import io.javalin.http.Context;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.labels.LabelService;
import org.videoannotator.server.store.Label;

/** {@code GET /api/labels/{label}/review}: HTTP for {@link ReviewService}. */
public final class ReviewController {
  private final LabelService labels;
  private final ReviewService reviews;

  public ReviewController(LabelService labels, ReviewService reviews) {
    this.labels = labels;
    this.reviews = reviews;
  }

  public void review(Context ctx) {
    Label label = labels.require(ctx.pathParam("label"));
    String filter = Params.oneOf(ctx, "filter", "all", ReviewService.Filter.wireNames());
    int k = Params.integer(ctx, "k", 100, 1, 10_000);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    ctx.json(reviews.review(label.name(), ReviewService.Filter.of(filter), k, offset));
  }
}

package org.videoannotator.server.builds;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Bodies;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.labels.LabelService;
import org.videoannotator.server.store.Label;

/** Start a build, follow its progress, list a label's builds. */
public final class BuildController {
  public static final int MAX_FEED_SIZE = 5_000;

  /** The answer to a queued build: where to follow it. */
  public record Started(long id, String label, String status, String url) {}

  private final LabelService labels;
  private final BuildService builds;

  public BuildController(LabelService labels, BuildService builds) {
    this.labels = labels;
    this.builds = builds;
  }

  public void list(Context ctx) {
    ctx.json(builds.list(labels.require(ctx.pathParam("label")).name()));
  }

  public void start(Context ctx) {
    Label label = labels.require(ctx.pathParam("label"));
    JsonNode body = Bodies.object(ctx);
    int feedSize =
        Bodies.integer(body, "feedSize", 1, MAX_FEED_SIZE)
            .orElse(BuildService.defaultFeedSize(builds.corpus().size()));
    int seed = Bodies.integer(body, "seed", 0, Integer.MAX_VALUE).orElse(0);
    BuildStatus status = builds.start(label.name(), seed, feedSize);
    ctx.status(202)
        .json(
            new Started(
                status.id(), status.label(), status.status(), "/api/builds/" + status.id()));
  }

  public void status(Context ctx) {
    String text = ctx.pathParam("id");
    long id;
    try {
      id = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "id", "build id must be an integer, got '" + Params.shorten(text) + "'");
    }
    ctx.json(builds.status(id).orElseThrow(() -> ApiException.notFound("id", "no build " + id)));
  }
}

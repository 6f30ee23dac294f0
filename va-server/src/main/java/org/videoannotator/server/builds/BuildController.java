package org.videoannotator.server.builds;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.LinkedHashMap;
import java.util.Map;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Bodies;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.labels.LabelController;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Label;

/** Start a build, follow its progress, list a label's builds. */
public final class BuildController {
  public static final int MAX_FEED_SIZE = 5_000;

  private final AnnotationStore store;
  private final BuildService builds;

  public BuildController(AnnotationStore store, BuildService builds) {
    this.store = store;
    this.builds = builds;
  }

  public void register(JavalinDefaultRouting r) {
    r.post("/api/labels/{label}/builds", this::start);
    r.get("/api/labels/{label}/builds", ctx -> ctx.json(builds.list(LabelController.require(store, ctx).name())));
    r.get("/api/builds/{id}", this::status);
  }

  private void start(Context ctx) {
    Label label = LabelController.require(store, ctx);
    JsonNode body = Bodies.object(ctx);
    int feedSize = Bodies.integer(body, "feedSize", 1, MAX_FEED_SIZE).orElse(BuildService.defaultFeedSize(builds.corpus().size()));
    int seed = Bodies.integer(body, "seed", 0, Integer.MAX_VALUE).orElse(0);
    BuildStatus status = builds.start(label.name(), seed, feedSize);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", status.id());
    out.put("label", status.label());
    out.put("status", status.status());
    out.put("url", "/api/builds/" + status.id());
    ctx.status(202).json(out);
  }

  private void status(Context ctx) {
    String text = ctx.pathParam("id");
    long id;
    try {
      id = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("id", "build id must be an integer, got '" + Params.shorten(text) + "'");
    }
    ctx.json(builds.status(id).orElseThrow(() -> ApiException.notFound("id", "no build " + id)));
  }
}

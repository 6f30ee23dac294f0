package org.videoannotator.server;

import io.javalin.apibuilder.ApiBuilder;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.videoannotator.server.annotations.AnnotationController;
import org.videoannotator.server.assign.AssignmentController;
import org.videoannotator.server.browse.BrowseController;
import org.videoannotator.server.builds.BuildController;
import org.videoannotator.server.clips.ClipController;
import org.videoannotator.server.exchange.ExchangeController;
import org.videoannotator.server.feeds.FeedController;
import org.videoannotator.server.labels.LabelController;
import org.videoannotator.server.models.ModelController;
import org.videoannotator.server.review.ReviewController;
import org.videoannotator.server.search.SearchController;
import org.videoannotator.server.team.TeamController;

/**
 * The route table of the JSON API: every {@code /api} route, once, in nested path groups, each
 * naming the controller method that answers it. {@link VaServer} registers it through Javalin's
 * {@code path(...)} groups; {@link #routes()} lists it without a server, for the fuzzer (va-bench's
 * {@code Fuzzer}) and for the contract test, which checks that {@code openapi.json} and {@code
 * API.md} describe exactly these routes. Adding an endpoint: a line here, a controller method, a
 * service method (and its documentation, which the test then demands).
 */
public final class ApiRoutes {
  private ApiRoutes() {}

  /** One route: HTTP method and Javalin path template, e.g. {@code GET /api/labels/{label}}. */
  public record Route(String method, String path) {}

  /** The controllers of a running server, which the table's handlers are taken from. */
  record Controllers(
      InfoController info,
      LabelController labels,
      AnnotationController annotations,
      SearchController search,
      BrowseController browse,
      BuildController builds,
      FeedController feeds,
      ModelController models,
      ReviewController review,
      ClipController clips,
      ExchangeController exchange,
      AssignmentController assignment,
      TeamController team) {}

  private sealed interface Node permits Group, Endpoint {}

  private record Group(String path, List<Node> children) implements Node {}

  private record Endpoint(HandlerType method, String path, Function<Controllers, Handler> handler)
      implements Node {}

  private static final Group TABLE =
      path(
          "/api",
          get("/info", c -> c.info()::info),
          get("/openapi.json", c -> c.info()::openApi),
          path(
              "/labels",
              get("", c -> c.labels()::list),
              post("", c -> c.labels()::create),
              post("/import", c -> c.labels()::importOntology),
              path(
                  "/{label}",
                  get("", c -> c.labels()::get),
                  patch("", c -> c.labels()::update),
                  delete("", c -> c.labels()::delete),
                  path(
                      "/annotations",
                      post("", c -> c.annotations()::add),
                      get("", c -> c.annotations()::current),
                      delete("/{key}", c -> c.annotations()::undoByPath),
                      delete("", c -> c.annotations()::undoByQuery)),
                  get("/history", c -> c.annotations()::history),
                  path("/builds", post("", c -> c.builds()::start), get("", c -> c.builds()::list)),
                  path(
                      "/assignment",
                      get("", c -> c.assignment()::get),
                      patch("", c -> c.assignment()::update)),
                  get("/taken", c -> c.assignment()::taken),
                  get("/feeds/{feed}", c -> c.feeds()::feed),
                  path(
                      "/models",
                      get("", c -> c.models()::list),
                      post("/{version}/score", c -> c.models()::score)),
                  get("/preview", c -> c.models()::preview),
                  get("/review", c -> c.review()::review),
                  get("/agreement", c -> c.team()::agreement),
                  path(
                      "/adjudication",
                      get("", c -> c.team()::queue),
                      post("", c -> c.team()::settle),
                      delete("", c -> c.team()::undo)),
                  get("/export", c -> c.exchange()::export),
                  post("/import", c -> c.exchange()::importFile))),
          get("/search", c -> c.search()::search),
          path(
              "/browse",
              get("", c -> c.browse()::browse),
              get("/neighbours", c -> c.browse()::neighbours)),
          get("/builds/{id}", c -> c.builds()::status),
          path(
              "/clips/{key}",
              get("", c -> c.clips()::clip),
              get("/thumbnail", c -> c.clips()::thumbnail),
              get("/preview", c -> c.clips()::preview)),
          // The same by query parameter, for keys with '/' (videos ingested from sub-folders).
          get("/clip", c -> c.clips()::clipByQuery),
          path(
              "/media",
              get("/thumbnail", c -> c.clips()::thumbnailByQuery),
              get("/preview", c -> c.clips()::previewByQuery)));

  /** Every route of the table, in table order. */
  public static List<Route> routes() {
    List<Route> out = new ArrayList<>();
    collect(TABLE, "", out);
    return List.copyOf(out);
  }

  private static void collect(Node node, String prefix, List<Route> out) {
    switch (node) {
      case Group g -> g.children().forEach(child -> collect(child, prefix + g.path(), out));
      case Endpoint e -> out.add(new Route(e.method().name(), prefix + e.path()));
    }
  }

  /**
   * Registers the table inside {@code config.router.apiBuilder(...)}, with Javalin's path groups.
   */
  static void register(Controllers controllers) {
    register(TABLE, controllers);
  }

  private static void register(Node node, Controllers controllers) {
    switch (node) {
      case Group g ->
          ApiBuilder.path(
              g.path(), () -> g.children().forEach(child -> register(child, controllers)));
      case Endpoint e -> {
        Handler handler = e.handler().apply(controllers);
        switch (e.method()) {
          case GET -> ApiBuilder.get(e.path(), handler);
          case POST -> ApiBuilder.post(e.path(), handler);
          case PATCH -> ApiBuilder.patch(e.path(), handler);
          case DELETE -> ApiBuilder.delete(e.path(), handler);
          default -> throw new IllegalStateException("no ApiBuilder call for " + e.method());
        }
      }
    }
  }

  private static Group path(String path, Node... children) {
    return new Group(path, List.of(children));
  }

  private static Endpoint get(String path, Function<Controllers, Handler> handler) {
    return new Endpoint(HandlerType.GET, path, handler);
  }

  private static Endpoint post(String path, Function<Controllers, Handler> handler) {
    return new Endpoint(HandlerType.POST, path, handler);
  }

  private static Endpoint patch(String path, Function<Controllers, Handler> handler) {
    return new Endpoint(HandlerType.PATCH, path, handler);
  }

  private static Endpoint delete(String path, Function<Controllers, Handler> handler) {
    return new Endpoint(HandlerType.DELETE, path, handler);
  }
}

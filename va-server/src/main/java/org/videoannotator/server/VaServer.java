package org.videoannotator.server;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.videoannotator.core.Json;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.TextEncoder;
import org.videoannotator.server.annotations.AnnotationController;
import org.videoannotator.server.annotations.AnnotationService;
import org.videoannotator.server.api.ErrorMapping;
import org.videoannotator.server.assign.AssignmentController;
import org.videoannotator.server.assign.AssignmentService;
import org.videoannotator.server.assign.ClipAllocator;
import org.videoannotator.server.assign.ClipLeases;
import org.videoannotator.server.assign.TakenClips;
import org.videoannotator.server.auth.TokenAuth;
import org.videoannotator.server.browse.BrowseController;
import org.videoannotator.server.builds.BuildController;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.clips.ClipController;
import org.videoannotator.server.exchange.ExchangeController;
import org.videoannotator.server.exchange.ExchangeService;
import org.videoannotator.server.feeds.AutoFeed;
import org.videoannotator.server.feeds.FeedController;
import org.videoannotator.server.feeds.FeedService;
import org.videoannotator.server.http.HttpLimits;
import org.videoannotator.server.http.RequestGate;
import org.videoannotator.server.http.RequestGuard;
import org.videoannotator.server.http.TlsConfig;
import org.videoannotator.server.labels.LabelController;
import org.videoannotator.server.labels.LabelService;
import org.videoannotator.server.models.ModelController;
import org.videoannotator.server.models.ScoringService;
import org.videoannotator.server.review.ReviewController;
import org.videoannotator.server.review.ReviewService;
import org.videoannotator.server.search.SearchController;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.team.AdjudicationService;
import org.videoannotator.server.team.AgreementService;
import org.videoannotator.server.team.TeamController;

/**
 * The annotation service of one corpus: the JSON API under {@code /api} and the browser UI (the
 * classpath folder {@code /web}, from va-web's jar) at {@code /}. Takes its dependencies; owns none
 * of them (the caller closes corpus, store and build service). {@link #app()} exposes the Javalin
 * instance so tests run it for real.
 */
public final class VaServer {
  private final Javalin app;
  private final RequestGuard guard;
  // Where start() binds; the HTTPS connector reads them when Javalin starts.
  private volatile String bindHost = "127.0.0.1";
  private volatile int bindPort;
  private final List<ApiRoutes.Route> routes = Collections.synchronizedList(new ArrayList<>());

  /**
   * @param textEncoder the corpus's text encoder, or null when it has none (text search then uses
   *     full-text words)
   * @param auth token protection (disabled for loopback-only servers)
   */
  public VaServer(
      Corpus corpus,
      AnnotationStore store,
      BuildService builds,
      TextEncoder textEncoder,
      TokenAuth auth) {
    this(corpus, store, builds, textEncoder, auth, null);
  }

  /**
   * @param tls HTTPS only, with this certificate and key; null for plain HTTP
   */
  public VaServer(
      Corpus corpus,
      AnnotationStore store,
      BuildService builds,
      TextEncoder textEncoder,
      TokenAuth auth,
      TlsConfig tls) {
    AutoFeed autoFeed = new AutoFeed(BuildService.rows(store));
    LabelService labels = new LabelService(store, builds);
    ClipAllocator allocator =
        new ClipAllocator(store, new ClipLeases(InstantSource.system(), ClipLeases.DEFAULT_TTL));
    AssignmentService assignments = new AssignmentService(store);
    ApiRoutes.Controllers controllers =
        new ApiRoutes.Controllers(
            new InfoController(corpus, textEncoder != null, auth.enabled()),
            new LabelController(labels),
            new AnnotationController(
                corpus,
                labels,
                new AnnotationService(store, builds, autoFeed, allocator),
                assignments),
            new SearchController(corpus, store, textEncoder),
            new BrowseController(corpus, store),
            new BuildController(labels, builds),
            new FeedController(
                labels, new FeedService(corpus, builds, autoFeed, allocator), assignments),
            new ModelController(labels, new ScoringService(corpus, store, builds)),
            new ReviewController(
                labels, new ReviewService(corpus, store, builds, allocator), assignments),
            new ClipController(corpus),
            new ExchangeController(labels, new ExchangeService(corpus, store, builds)),
            new AssignmentController(labels, assignments, new TakenClips(store)),
            new TeamController(
                labels,
                new AgreementService(corpus, store, builds),
                new AdjudicationService(corpus, store)));
    boolean hasUi = VaServer.class.getResource("/web/index.html") != null;
    // Without a token the server is loopback-only: names other than loopback's mean DNS rebinding.
    this.guard = new RequestGuard(!auth.enabled());
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              HttpLimits.apply(
                  config,
                  new RequestGate(
                      HttpLimits.MAX_REQUEST_BYTES, List.of(guard::check, auth::check)));
              if (tls != null) {
                // With a connector of our own Javalin adds no plain-HTTP one.
                config.jetty.addConnector(
                    (server, http) -> tls.connector(server, http, bindHost, bindPort));
              }
              config.http.prefer405over404 = true;
              config.jsonMapper(new JavalinJackson(Json.mapper(), false));
              config.events(
                  events ->
                      events.handlerAdded(
                          meta ->
                              routes.add(
                                  new ApiRoutes.Route(
                                      meta.getHttpMethod().name(), meta.getPath()))));
              if (hasUi) {
                config.staticFiles.add(
                    files -> {
                      files.hostedPath = "/";
                      files.directory = "/web";
                      files.location = Location.CLASSPATH;
                    });
              }
              config.router.mount(
                  router -> {
                    ErrorMapping.register(router);
                    auth.register(router);
                    if (!hasUi) {
                      router.get(
                          "/",
                          ctx ->
                              ctx.html(
                                  "<!doctype html><title>Video Annotator</title><p>The web UI (module "
                                      + "va-web) is not on the classpath. The JSON API is at <a href=/api/info>/api/info</a>."));
                    }
                  });
              // Every /api route comes from the one table.
              config.router.apiBuilder(() -> ApiRoutes.register(controllers));
            });
  }

  public Javalin app() {
    return app;
  }

  /** Starts listening on {@code host:port} (0: a free port). */
  public void start(String host, int port) {
    bindHost = host;
    bindPort = port;
    app.start(host, port);
  }

  /** The Host/Origin guard; the runtime adds the address it binds to. */
  public RequestGuard guard() {
    return guard;
  }

  /**
   * Routes as Javalin registered them, filters included (all of them once the constructor returns).
   */
  public List<ApiRoutes.Route> routes() {
    return List.copyOf(routes);
  }
}

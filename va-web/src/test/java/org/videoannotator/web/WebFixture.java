package org.videoannotator.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.videoannotator.core.Json;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.server.VaServer;
import org.videoannotator.server.auth.TokenAuth;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.store.AnnotationStore;

/**
 * The real va-server on a generated corpus, on a free loopback port, in this JVM, plus a headless
 * Chromium pointed at it and a plain HTTP client to check what the server stored.
 */
final class WebFixture implements AutoCloseable {
  final Path dir;
  final int clips;
  final Browser browser;
  private final Corpus corpus;
  private final AnnotationStore store;
  private final BuildService builds;
  private final VaServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  private WebFixture(Path dir, int clips, Corpus corpus, AnnotationStore store, BuildService builds,
      VaServer server, Browser browser) {
    this.dir = dir;
    this.clips = clips;
    this.corpus = corpus;
    this.store = store;
    this.builds = builds;
    this.server = server;
    this.browser = browser;
  }

  /** @param screenshots where the browser's screenshots go */
  static WebFixture start(long seed, Path screenshots) throws IOException {
    Browser.requireInstalled(); // before anything is started that would then be left running
    Path dir = Files.createTempDirectory("va-web-corpus-");
    int clips = TestCorpus.write(dir.resolve("corpus"), seed);
    Corpus corpus = Corpus.open(dir.resolve("corpus"), CorpusOptions.existing());
    AnnotationStore store = AnnotationStore.open(corpus.layout().annotations());
    BuildService builds = new BuildService(corpus, store, 2);
    VaServer server = new VaServer(corpus, store, builds, null, new TokenAuth(null));
    server.app().start("127.0.0.1", 0);
    Browser browser = Browser.start(screenshots);
    return new WebFixture(dir, clips, corpus, store, builds, server, browser);
  }

  /** The screenshots folder beside surefire's artifacts folder: {@code <build dir>/screenshots}. */
  static Path screenshotsDir(String suite) {
    String artifacts = System.getProperty("va.test.artifacts");
    Path base = artifacts == null ? Path.of("target", "test-artifacts") : Path.of(artifacts);
    return base.resolveSibling("screenshots").resolve(suite);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.app().port() + path;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
  }

  JsonNode post(String path, Object body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))).build());
  }

  JsonNode delete(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url(path))).DELETE().build());
  }

  private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IOException(request.method() + " " + request.uri() + " -> " + response.statusCode() + " " + response.body());
    }
    return Json.mapper().readTree(response.body());
  }

  @Override
  public void close() throws Exception {
    try (browser; corpus; store; builds) {
      server.app().stop();
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

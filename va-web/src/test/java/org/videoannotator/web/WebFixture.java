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
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.videoannotator.core.Json;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.server.VaServer;
import org.videoannotator.server.auth.TokenAuth;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.http.TlsConfig;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Role;
import org.videoannotator.testkit.SelfSignedCertificate;

/**
 * The real va-server on a generated corpus, on a free loopback port, in this JVM, plus a headless
 * Chromium pointed at it and a plain HTTP client to check what the server stored. The server is
 * open (loopback, no login) unless an {@link Access} says otherwise.
 */
final class WebFixture implements AutoCloseable {
  /**
   * How people get in: a shared token (or null), accounts to create (name to role; empty: none),
   * and whether to serve HTTPS with a self-signed certificate made for the test.
   */
  record Access(String token, Map<String, Role> accounts, boolean https) {
    static final Access OPEN = new Access(null, Map.of(), false);
  }

  final Path dir;
  final int clips;
  final Browser browser;

  /** The secret of each account the fixture created. */
  final Map<String, String> secrets;

  private final Corpus corpus;
  private final AnnotationStore store;
  private final BuildService builds;
  private final VaServer server;
  private final String scheme;
  private final HttpClient http;

  /**
   * What this client sends as {@code Authorization: Bearer}: the token, an admin's NAME:SECRET, or
   * null.
   */
  private final String bearer;

  /** How long {@link #awaitServer} waits: generous, the machine may be busy. */
  private static final Duration AWAIT_SERVER = Duration.ofSeconds(30);

  private WebFixture(
      Path dir,
      int clips,
      Corpus corpus,
      AnnotationStore store,
      BuildService builds,
      VaServer server,
      Browser browser,
      Map<String, String> secrets,
      String scheme,
      HttpClient http,
      String bearer) {
    this.dir = dir;
    this.clips = clips;
    this.corpus = corpus;
    this.store = store;
    this.builds = builds;
    this.server = server;
    this.browser = browser;
    this.secrets = secrets;
    this.scheme = scheme;
    this.http = http;
    this.bearer = bearer;
  }

  /**
   * @param screenshots where the browser's screenshots go
   */
  static WebFixture start(long seed, Path screenshots) throws IOException {
    return start(seed, screenshots, Access.OPEN);
  }

  static WebFixture start(long seed, Path screenshots, Access access) throws IOException {
    Browser.requireInstalled(); // before anything is started that would then be left running
    Path dir = Files.createTempDirectory("va-web-corpus-");
    int clips = TestCorpus.write(dir.resolve("corpus"), seed);
    Corpus corpus = Corpus.open(dir.resolve("corpus"), CorpusOptions.existing());
    AnnotationStore store = AnnotationStore.open(corpus.layout().annotations());
    Map<String, String> secrets = new LinkedHashMap<>();
    access.accounts().forEach((name, role) -> secrets.put(name, store.users().add(name, role)));
    String bearer =
        access.token() != null
            ? access.token()
            : access.accounts().entrySet().stream()
                .filter(a -> a.getValue().isAdmin())
                .findFirst()
                .map(a -> a.getKey() + ":" + secrets.get(a.getKey()))
                .orElse(null);
    HttpClient.Builder client = HttpClient.newBuilder();
    TlsConfig tls = null;
    if (access.https()) {
      try {
        SelfSignedCertificate certificate =
            SelfSignedCertificate.create(Files.createDirectories(dir.resolve("tls")));
        tls = TlsConfig.fromPem(certificate.cert(), certificate.key());
        client.sslContext(certificate.trustingIt());
      } catch (InterruptedException | GeneralSecurityException e) {
        throw new IOException("could not make the test's certificate: " + e, e);
      }
    }
    BuildService builds = new BuildService(corpus, store, 2);
    VaServer server =
        new VaServer(
            corpus, store, builds, null, new TokenAuth(access.token(), store.users()), tls);
    server.start("127.0.0.1", 0);
    Browser browser = Browser.start(screenshots);
    return new WebFixture(
        dir,
        clips,
        corpus,
        store,
        builds,
        server,
        browser,
        Map.copyOf(secrets),
        access.https() ? "https" : "http",
        client.build(),
        bearer);
  }

  /** The screenshots folder beside surefire's artifacts folder: {@code <build dir>/screenshots}. */
  static Path screenshotsDir(String suite) {
    String artifacts = System.getProperty("va.test.artifacts");
    Path base = artifacts == null ? Path.of("target", "test-artifacts") : Path.of(artifacts);
    return base.resolveSibling("screenshots").resolve(suite);
  }

  String url(String path) {
    return scheme + "://127.0.0.1:" + server.app().port() + path;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
  }

  JsonNode post(String path, Object body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)))
            .build());
  }

  JsonNode delete(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url(path))).DELETE().build());
  }

  /**
   * The votes on clip {@code key} of {@code label} as the server has stored them (annotator to
   * value), empty when the clip has none.
   */
  Map<String, String> votes(String label, String key) throws IOException, InterruptedException {
    Map<String, String> votes = new TreeMap<>();
    for (JsonNode a : get("/api/labels/" + enc(label) + "/annotations").get("annotations")) {
      if (key.equals(a.get("key").asText())) {
        a.get("votes").properties().forEach(e -> votes.put(e.getKey(), e.getValue().asText()));
      }
    }
    return votes;
  }

  /** The key of the best full-text match for {@code words}. */
  String firstClip(String words) throws IOException, InterruptedException {
    return get("/api/search?words=" + enc(words) + "&k=1").get("hits").get(0).get("key").asText();
  }

  /** A check of the server's state that may not hold yet. */
  @FunctionalInterface
  interface ServerState {
    boolean holds() throws Exception;
  }

  /**
   * Waits until the server's state holds (polling its API), else fails naming {@code what}. The UI
   * shows a vote before its request reaches the server: tests wait for the server, not the page.
   */
  static void awaitServer(String what, ServerState state) {
    long deadline = System.nanoTime() + AWAIT_SERVER.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (state.holds()) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for the server: " + what, e);
      }
    }
    throw new AssertionError(
        "the server did not reach this state within "
            + AWAIT_SERVER.toSeconds()
            + " s: "
            + what
            + (last == null ? "" : " (last error: " + last + ")"),
        last);
  }

  /** The status of a GET as a browser holding {@code cookie} (name=value) would send it. */
  int statusWithCookie(String path, String cookie) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", cookie).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * Sends a request as the fixture (bearer: the token or an admin) unless it carries its own
   * credentials.
   */
  JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    if (bearer != null && request.headers().firstValue("Authorization").isEmpty()) {
      request =
          HttpRequest.newBuilder(request, (name, value) -> true)
              .header("Authorization", "Bearer " + bearer)
              .build();
    }
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IOException(
          request.method()
              + " "
              + request.uri()
              + " -> "
              + response.statusCode()
              + " "
              + response.body());
    }
    return Json.mapper().readTree(response.body());
  }

  @Override
  public void close() throws Exception {
    try (browser;
        corpus;
        store;
        builds) {
      server.app().stop();
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

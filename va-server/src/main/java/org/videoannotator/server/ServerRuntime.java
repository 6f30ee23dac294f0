package org.videoannotator.server;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.TextEncoder;
import org.videoannotator.index.TextEncoderProvider;
import org.videoannotator.server.auth.TokenAuth;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.http.TlsConfig;
import org.videoannotator.server.store.AnnotationStore;

/**
 * Everything a running server over one corpus folder owns: the corpus, its annotation store, the
 * build service, the text encoder (if a module provides one for the corpus's embedder) and the
 * {@link VaServer}. Closing it stops the server and closes all of them, in reverse order.
 */
public final class ServerRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerRuntime.class);

  private final Corpus corpus;
  private final AnnotationStore store;
  private final BuildService builds;
  private final TextEncoder textEncoder;
  private final VaServer server;
  private final boolean https;

  private ServerRuntime(Corpus corpus, String token, TlsConfig tls) {
    this.corpus = corpus;
    this.store = AnnotationStore.open(corpus.layout().annotations());
    this.builds =
        new BuildService(corpus, store, Math.max(1, Runtime.getRuntime().availableProcessors()));
    this.textEncoder = findTextEncoder(corpus).orElse(null);
    this.server =
        new VaServer(corpus, store, builds, textEncoder, new TokenAuth(token, store.users()), tls);
    this.https = tls != null;
  }

  /** Opens the corpus folder and everything over it; {@code token} null = no authentication. */
  public static ServerRuntime open(Path corpusDir, String token) {
    return open(corpusDir, token, null);
  }

  /** As {@link #open(Path, String)}, serving HTTPS only when {@code tls} is given. */
  public static ServerRuntime open(Path corpusDir, String token, TlsConfig tls) {
    return new ServerRuntime(Corpus.open(corpusDir, CorpusOptions.existing()), token, tls);
  }

  /** Wraps an already open corpus (tests, benchmarks); closing the runtime closes it too. */
  public static ServerRuntime over(Corpus corpus, String token) {
    return new ServerRuntime(corpus, token, null);
  }

  /** As {@link #over(Corpus, String)}, over HTTPS with {@code tls}. */
  public static ServerRuntime over(Corpus corpus, String token, TlsConfig tls) {
    return new ServerRuntime(corpus, token, tls);
  }

  /** Starts listening; port 0 picks a free port. Returns the URL. */
  public String start(String host, int port) {
    server.guard().allowHost(host);
    server.start(host, port);
    String shownHost = host.contains(":") ? "[" + host + "]" : host;
    return (https ? "https://" : "http://") + shownHost + ":" + server.app().port() + "/";
  }

  public int port() {
    return server.app().port();
  }

  public VaServer server() {
    return server;
  }

  public Corpus corpus() {
    return corpus;
  }

  public AnnotationStore store() {
    return store;
  }

  public BuildService builds() {
    return builds;
  }

  public boolean hasTextEncoder() {
    return textEncoder != null;
  }

  private static Optional<TextEncoder> findTextEncoder(Corpus corpus) {
    for (TextEncoderProvider provider : ServiceLoader.load(TextEncoderProvider.class)) {
      try {
        Optional<TextEncoder> encoder = provider.encoderFor(corpus.embedder(), corpus.dir());
        if (encoder.isPresent()) {
          return encoder;
        }
      } catch (RuntimeException e) {
        LOG.warn(
            "text encoder provider {} failed for {}: {}",
            provider.getClass().getName(),
            corpus.embedder(),
            e.getMessage());
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    server.app().stop();
    builds.close();
    store.close();
    if (textEncoder instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("closing the text encoder failed: {}", e.getMessage());
      }
    }
    corpus.close();
  }
}

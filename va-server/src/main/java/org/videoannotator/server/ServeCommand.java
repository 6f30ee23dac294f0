package org.videoannotator.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Settings;
import org.videoannotator.core.UserException;
import org.videoannotator.core.VaSubcommand;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.server.auth.TlsOptions;
import org.videoannotator.server.auth.TokenOptions;
import org.videoannotator.server.http.TlsConfig;
import org.videoannotator.server.store.AnnotationStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code va serve}: the annotation service over one corpus folder. Binds to loopback unless told
 * otherwise; any other address requires a token (--token-file or VA_TOKEN), so a server on a
 * network is never open.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve a corpus to annotators: the web UI at / and the JSON API under /api.")
public final class ServeCommand implements VaSubcommand, Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Option(names = "--corpus", required = true, description = "the corpus folder")
  Path corpus;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "address to bind (default: ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--port",
      defaultValue = "7070",
      description = "port (0 = any free port; default: ${DEFAULT-VALUE})")
  int port;

  @picocli.CommandLine.Mixin TokenOptions tokens = new TokenOptions();

  @picocli.CommandLine.Mixin TlsOptions tls = new TlsOptions();

  @Override
  public Integer call() throws InterruptedException {
    String token = tokens.resolve();
    Settings.log(
        LOG,
        "serve",
        "corpus",
        corpus,
        "host",
        host,
        "port",
        port,
        "token",
        token == null ? "none" : "set");
    serveUntilStopped(corpus, host, port, token, tls.resolve());
    return 0;
  }

  /**
   * Serves {@code corpusDir} until the process is stopped (Ctrl-C). Every command that serves (here
   * and {@code va demo}) goes through this, so the loopback-or-token rule has one home.
   */
  public static void serveUntilStopped(Path corpusDir, String host, int port, String token)
      throws InterruptedException {
    serveUntilStopped(corpusDir, host, port, token, null);
  }

  /** As above, over HTTPS only when {@code tls} is given. */
  public static void serveUntilStopped(
      Path corpusDir, String host, int port, String token, TlsConfig tls)
      throws InterruptedException {
    if (token != null && token.isBlank()) {
      throw new UserException("the access token must not be blank");
    }
    boolean accounts = hasAccounts(corpusDir);
    checkBinding(host, port, token != null || accounts);
    ServerRuntime runtime = ServerRuntime.open(corpusDir, token, tls);
    String url;
    try {
      url = runtime.start(host, port);
    } catch (RuntimeException e) {
      runtime.close();
      throw new UserException(
          "cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + rootMessage(e)
              + "); pick another --port");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  runtime.close();
                  stopped.countDown();
                },
                "va-serve-shutdown"));
    System.out.println(
        "Serving " + runtime.corpus().size() + " clips of " + corpusDir + " at " + url);
    System.out.println(
        accounts
            ? "Accounts: log in at "
                + url
                + "login, or send 'Authorization: Bearer NAME:SECRET' (va users)."
            : token == null
                ? "No token: only this machine can connect (loopback)."
                : "Token required: send 'Authorization: Bearer <token>' or log in at "
                    + url
                    + "login");
    System.out.println(
        runtime.hasTextEncoder()
            ? "Text search: through the corpus's text encoder."
            : "Text search: no text encoder for this corpus's embedder; text queries use full-text words.");
    System.out.println("Open " + url + " in a browser; Ctrl-C stops the server.");
    System.out.flush();
    stopped.await();
  }

  /**
   * Refuses a port out of range, a blank token, or a non-loopback host without a token; callers
   * that do long work before serving check first, so the user does not wait to be refused.
   */
  public static void checkBinding(String host, int port, String token) {
    if (token != null && token.isBlank()) {
      throw new UserException("the access token must not be blank");
    }
    checkBinding(host, port, token != null);
  }

  /** As above, {@code protectedByAuth} saying whether a token or accounts guard the server. */
  static void checkBinding(String host, int port, boolean protectedByAuth) {
    if (port < 0 || port > 65535) {
      throw new UserException("--port must be in 0..65535, got " + port);
    }
    if (!isLoopback(host) && !protectedByAuth) {
      throw new UserException(
          "binding to "
              + host
              + " exposes the annotations to the network; add accounts with"
              + " 'va users add NAME --role admin --corpus C', or give a token with --token-file FILE or the "
              + TokenOptions.ENV
              + " environment variable"
              + " (clients then send 'Authorization: Bearer <secret>' or log in at /login), or use --host 127.0.0.1");
    }
  }

  /** Whether the corpus's annotation database has accounts (without opening the corpus itself). */
  static boolean hasAccounts(Path corpusDir) {
    Path db = CorpusLayout.of(corpusDir).annotations();
    if (!Files.exists(db)) {
      return false;
    }
    try (var store = AnnotationStore.open(db)) {
      return store.users().any();
    }
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new UserException("--host " + host + " is not a known address");
    }
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage();
  }

  /** Runs {@code serve} alone (used to start the server in a child process). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new ServeCommand()).execute(args));
  }
}

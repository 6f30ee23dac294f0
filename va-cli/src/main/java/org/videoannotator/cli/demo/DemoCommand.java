package org.videoannotator.cli.demo;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Settings;
import org.videoannotator.core.VaSubcommand;
import org.videoannotator.server.ServeCommand;
import org.videoannotator.server.auth.TlsOptions;
import org.videoannotator.server.auth.TokenOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code va demo}: builds the offline demo corpus on first run, then serves it. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Create the offline demo corpus (first run) and serve it.",
      "",
      "The first run renders a few dozen videos with captions, ingests them through the same path as",
      "'va ingest' and creates the labels night, pan, close-up and crowd; later runs reuse the folder."
    })
public final class DemoCommand implements Callable<Integer>, VaSubcommand {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

  @Option(
      names = "--dir",
      defaultValue = "va-demo",
      description = "Demo folder (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "7070",
      description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @picocli.CommandLine.Mixin TokenOptions tokens = new TokenOptions();

  @picocli.CommandLine.Mixin TlsOptions tls = new TlsOptions();

  @Option(
      names = "--model",
      description =
          "A CLIP model folder: ingest with 'concat' (CLIP + descriptor) for semantic text search.")
  Path model;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "Videos rendered and ingested at once (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--no-serve",
      description = "Only create the demo corpus; do not start the server.")
  boolean noServe;

  @Override
  public Integer call() throws InterruptedException {
    String token = tokens.resolve();
    Settings.log(
        LOG,
        "va demo",
        "dir",
        dir.toAbsolutePath(),
        "host",
        host,
        "port",
        port,
        "token",
        token == null ? "none" : "set",
        "model",
        model,
        "threads",
        threads);
    if (!noServe) {
      ServeCommand.checkBinding(
          host, port, token); // refuse before a minute of rendering, not after
    }
    Path corpus = DemoCorpus.ensure(dir, DemoSpec.DEFAULT, model, threads);
    if (noServe) {
      System.out.println("demo corpus ready: " + corpus.toAbsolutePath());
      return 0;
    }
    ServeCommand.serveUntilStopped(corpus, host, port, token, tls.resolve());
    return 0;
  }
}

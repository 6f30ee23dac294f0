package org.videoannotator.cli.demo;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Settings;
import org.videoannotator.core.VaSubcommand;
import org.videoannotator.server.ServerRuntime;
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

  @Option(names = "--dir", defaultValue = "va-demo", description = "Demo folder (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Option(names = "--model", description = "A CLIP model folder: ingest with 'concat' (CLIP + descriptor) for semantic text search.")
  Path model;

  @Option(names = "--threads", defaultValue = "2", description = "Videos rendered and ingested at once (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--no-serve", description = "Only create the demo corpus; do not start the server.")
  boolean noServe;

  @Override
  public Integer call() throws InterruptedException {
    Settings.log(LOG, "va demo", "dir", dir.toAbsolutePath(), "host", host, "port", port,
        "model", model, "threads", threads);
    Path corpus = DemoCorpus.ensure(dir, DemoSpec.DEFAULT, model, threads);
    if (noServe) {
      System.out.println("demo corpus ready: " + corpus.toAbsolutePath());
      return 0;
    }
    ServerRuntime runtime = ServerRuntime.open(corpus, null);
    String url = runtime.start(host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      runtime.close();
      stopped.countDown();
    }, "va-demo-shutdown"));
    System.out.println();
    System.out.println("  Video Annotator demo is running: open " + url);
    System.out.println("  Corpus: " + corpus.toAbsolutePath() + "   (Ctrl-C stops the server)");
    System.out.println();
    stopped.await();
    return 0;
  }
}

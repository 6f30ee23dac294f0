package org.videoannotator.opensearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real OpenSearch node the tests use: {@code VA_OPENSEARCH_URL} when set (CI starts one with
 * {@code bin/opensearch-node start} before the tests), otherwise one started here through the same
 * script, once per test JVM, and stopped when the JVM exits (a node that was already running is
 * used and left running).
 */
final class OpenSearchNode {
  private static String url;

  private OpenSearchNode() {}

  static synchronized String url() {
    if (url != null) {
      return url;
    }
    String fromEnv = System.getenv("VA_OPENSEARCH_URL");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return url = fromEnv.strip();
    }
    String running = runAllowingFailure("url");
    if (!running.isEmpty()) {
      return url = running;
    }
    url = run("start");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> run("stop"), "stop-opensearch-node"));
    return url;
  }

  /**
   * Like {@link #run} but answers "" when the script fails (e.g. {@code url} of a node that is
   * down).
   */
  private static String runAllowingFailure(String... args) {
    try {
      return run(args);
    } catch (IllegalStateException e) {
      return "";
    }
  }

  /**
   * Runs {@code bin/opensearch-node ACTION ARGS...} from the repository root; returns its output.
   */
  static String run(String... args) {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("bin/opensearch-node"))) {
      root = root.getParent();
      if (root == null) {
        throw new IllegalStateException(
            "bin/opensearch-node not found above " + Path.of("").toAbsolutePath());
      }
    }
    String[] command = new String[args.length + 1];
    command[0] = root.resolve("bin/opensearch-node").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException(
            "bin/opensearch-node " + String.join(" ", args) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

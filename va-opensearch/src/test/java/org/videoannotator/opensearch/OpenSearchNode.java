package org.videoannotator.opensearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real OpenSearch node the tests use: {@code VA_OPENSEARCH_URL} when set (CI starts one with
 * {@code bin/opensearch-node start} before the tests), otherwise one started here through the same
 * script, once per test JVM, and left running for the next run (stop it with {@code
 * bin/opensearch-node stop}).
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
    return url = run("start");
  }

  /** Runs {@code bin/opensearch-node ACTION ARGS...} from the repository root; returns its output. */
  static String run(String... args) {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("bin/opensearch-node"))) {
      root = root.getParent();
      if (root == null) {
        throw new IllegalStateException("bin/opensearch-node not found above " + Path.of("").toAbsolutePath());
      }
    }
    String[] command = new String[args.length + 1];
    command[0] = root.resolve("bin/opensearch-node").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    try {
      Process p = new ProcessBuilder(command).directory(root.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("bin/opensearch-node " + String.join(" ", args) + " failed: " + out);
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

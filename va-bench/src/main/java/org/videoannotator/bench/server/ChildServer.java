package org.videoannotator.bench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.videoannotator.server.ServeCommand;

/**
 * {@code va serve} in a child JVM on the current class path, so a test or benchmark can kill it
 * with SIGKILL ({@link Process#destroyForcibly()}) as a crash would, then start it again.
 */
public final class ChildServer implements AutoCloseable {
  private static final String URL_MARK = " at http://";

  private final Process process;
  private final String url;
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());

  private ChildServer(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /** Starts {@code va serve --corpus dir --port 0} and waits (up to 2 minutes) for its URL. */
  public static ChildServer start(Path corpusDir) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        List.of(
            java,
            "--add-modules",
            "jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED",
            "-Dai.djl.offline=true",
            "-Xmx2g",
            "-cp",
            System.getProperty("java.class.path"),
            ServeCommand.class.getName(),
            "--corpus",
            corpusDir.toString(),
            "--port",
            "0");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    CompletableFuture<String> url =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  seen.add(line);
                  int at = line.indexOf(URL_MARK);
                  if (line.startsWith("Serving ") && at >= 0) {
                    return line.substring(at + 4).replaceAll("/$", "");
                  }
                }
                return null;
              } catch (IOException e) {
                return null;
              }
            });
    try {
      String found = url.get(120, TimeUnit.SECONDS);
      if (found == null) {
        throw new IOException(
            "the child server exited without serving; its output:\n" + String.join("\n", seen));
      }
      ChildServer child = new ChildServer(p, found);
      Thread drain =
          new Thread(
              () -> {
                try {
                  for (String line = out.readLine(); line != null; line = out.readLine()) {
                    child.output.add(line);
                  }
                } catch (IOException ignored) {
                  // the process died: nothing more to read
                }
              },
              "child-server-output");
      drain.setDaemon(true);
      drain.start();
      return child;
    } catch (TimeoutException | ExecutionException e) {
      p.destroyForcibly();
      throw new IOException(
          "the child server did not start in 2 minutes; its output:\n" + String.join("\n", seen),
          e);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the child server", e);
    }
  }

  /** Base URL without trailing slash, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return url;
  }

  /** The child's process id (to read its resident memory). */
  public long pid() {
    return process.pid();
  }

  /** SIGKILL, as a crash: no shutdown hook runs. Waits until the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** What the child printed after its start line. */
  public List<String> output() {
    return List.copyOf(output);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}

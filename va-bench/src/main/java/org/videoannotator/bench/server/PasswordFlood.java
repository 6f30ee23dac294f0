package org.videoannotator.bench.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.videoannotator.core.io.FileTrees;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Role;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * Issue 27 point 4, measured: a server with accounts (in a child JVM, so its resident memory is its
 * own) takes {@code clients} concurrent wrong bearers naming a real account, each client from its
 * own loopback address 127.0.0.x, for {@code seconds}; meanwhile a logged-in user reads the labels.
 * Prints the server's RSS before and at its peak, the user's median and worst latency next to the
 * same user's median before the flood, the statuses the guesses got, and the median time of a wrong
 * secret for a known and for an unknown name. Figures, not assertions.
 *
 * <p>{@code java -cp va.jar org.videoannotator.bench.server.PasswordFlood [clients] [seconds]
 * [anonymous]}
 */
public final class PasswordFlood {
  private PasswordFlood() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    // "anonymous": the same flood without credentials, to tell the cost of the requests themselves
    // from the cost of the secret checks.
    boolean anonymous = args.length > 2 && args[2].equals("anonymous");
    if (clients < 1 || clients > 250 * 250 || seconds < 1 || seconds > 600) {
      throw new IllegalArgumentException("clients 1..62500, seconds 1..600");
    }
    Path dir = Files.createTempDirectory("va-password-flood");
    SyntheticCorpora.create(dir.resolve("corpus"), 1000, 32, 0).close();
    String adaSecret;
    try (AnnotationStore store =
        AnnotationStore.open(CorpusLayout.of(dir.resolve("corpus")).annotations())) {
      adaSecret = store.users().add("ada", Role.ADMIN);
      store.users().add("bob", Role.ANNOTATOR);
    }
    try (ChildServer server = ChildServer.start(dir.resolve("corpus"))) {
      URI uri = URI.create(server.url());
      String ada = "ada:" + adaSecret;
      get(uri, "127.0.0.1", ada); // checked once, then remembered
      long rssBefore = rssKib(server.pid());
      List<Long> quiet = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        quiet.add(timed(uri, "127.0.0.1", ada));
      }
      AtomicBoolean stop = new AtomicBoolean();
      Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
      List<Thread> flood = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        String from = "127.0." + (1 + c / 250) + "." + (2 + c % 250);
        int client = c;
        Thread t =
            new Thread(
                () -> {
                  for (int n = 0; !stop.get() && n < 100_000; n++) {
                    int status = get(uri, from, anonymous ? null : "bob:wrong-" + client + "-" + n);
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                  }
                },
                "flood-" + c);
        t.setDaemon(true);
        flood.add(t);
      }
      flood.forEach(Thread::start);
      long rssPeak = rssBefore;
      List<Long> loaded = Collections.synchronizedList(new ArrayList<>());
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      while (System.nanoTime() < end) {
        loaded.add(timed(uri, "127.0.0.1", ada));
        rssPeak = Math.max(rssPeak, rssKib(server.pid()));
        Thread.sleep(50);
      }
      stop.set(true);
      for (Thread t : flood) {
        t.join(30_000);
      }
      System.out.printf(
          "%d concurrent %s from %d loopback addresses, %d s:%n",
          clients,
          anonymous ? "requests without credentials" : "wrong bearers for a real account",
          clients,
          seconds);
      System.out.printf(
          "  server RSS %d MB before, %d MB at peak: grew %d MB%n",
          rssBefore >> 10, rssPeak >> 10, (rssPeak - rssBefore) >> 10);
      System.out.printf(
          "  logged-in user, GET /api/labels: median %.1f ms before, median %.1f ms (worst %.1f ms) during,"
              + " %d requests%n",
          median(quiet) / 1e6, median(loaded) / 1e6, Collections.max(loaded) / 1e6, loaded.size());
      System.out.println("  guesses' statuses: " + new TreeMap<>(statuses));
      List<Long> known = new ArrayList<>();
      List<Long> unknown = new ArrayList<>();
      for (int i = 0; i < 15; i++) { // a fresh address each time: below the per-pair throttle
        known.add(timed(uri, "127.0.200." + (2 + i), "bob:wrong"));
        unknown.add(timed(uri, "127.0.201." + (2 + i), "nobody-" + i + ":wrong"));
      }
      System.out.printf(
          "  a wrong secret, median of 15: %.1f ms for a known name, %.1f ms for an unknown name%n",
          median(known) / 1e6, median(unknown) / 1e6);
    } finally {
      FileTrees.deleteTree(dir);
    }
  }

  private static long timed(URI uri, String from, String bearer) {
    long t = System.nanoTime();
    get(uri, from, bearer);
    return System.nanoTime() - t;
  }

  /** {@code GET /api/labels} from local address {@code from} with a bearer; the status, or -1. */
  static int get(URI uri, String from, String bearer) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/labels HTTP/1.1\r\nHost: "
                  + uri.getHost()
                  + ":"
                  + uri.getPort()
                  + "\r\n"
                  + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n")
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        line.write(c);
      }
      in.transferTo(OutputStream.nullOutputStream());
      String[] parts = line.toString(StandardCharsets.ISO_8859_1).split(" ");
      return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  private static long rssKib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
  }
}

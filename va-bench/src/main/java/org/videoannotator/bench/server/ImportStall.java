package org.videoannotator.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.videoannotator.server.exchange.ExchangeService;
import org.videoannotator.testkit.SyntheticCorpora;

/**
 * Issue 27 point 5, measured: while one client imports a large CSV, another posts single votes to
 * the same label, one every 50 ms; how long does a vote wait? Two files of {@code mb} MB: the
 * largest import accepted (the row cap, each row padded with a note column) and the file
 * (one key repeated, millions of rows, refused by the row cap). The server runs in a child JVM
 * ({@code va serve}, loopback, no accounts). Prints each import's status and time, and the votes'
 * median and worst wait before and during it. Figures, not assertions.
 *
 * <p>{@code java -cp va.jar org.videoannotator.bench.server.ImportStall [mb] [repeats]}
 */
public final class ImportStall {
  private static final int MAX_ROWS = ExchangeService.MAX_IMPORT_ROWS;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ImportStall() {}

  public static void main(String[] args) throws Exception {
    int mb = args.length > 0 ? Integer.parseInt(args[0]) : 63;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    if (mb < 1 || mb > 63 || repeats < 1 || repeats > 20) {
      throw new IllegalArgumentException("mb 1..63 (the body limit is 64 MB), repeats 1..20");
    }
    Path dir = Files.createTempDirectory("va-import-stall");
    int clips = 1000;
    SyntheticCorpora.create(dir.resolve("corpus"), clips, 32, 0).close();
    try (ChildServer server = ChildServer.start(dir.resolve("corpus"))) {
      String base = server.url();
      send(
          base,
          "POST",
          "/api/labels",
          "application/json",
          "{\"name\":\"stall\",\"description\":\"\"}");
      String atCap = atTheRowCap(mb, clips);
      String oneKey = oneKeyRepeated(mb);
      System.out.printf(
          "import of %d MB while single votes go to the same label, one every 50 ms:%n", mb);
      for (int r = 0; r < repeats; r++) {
        measure(base, "rows at the cap (" + MAX_ROWS + ")", atCap);
        measure(base, "one key, " + (oneKey.lines().count() - 1) + " rows", oneKey);
      }
    } finally {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void measure(String base, String what, String csv) throws Exception {
    List<Long> before = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      before.add(vote(base, i));
    }
    long start = System.nanoTime();
    CompletableFuture<Integer> imported =
        CompletableFuture.supplyAsync(
            () -> send(base, "POST", "/api/labels/stall/import?format=csv", "text/csv", csv));
    List<Long> during = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; !imported.isDone(); i++) {
      during.add(vote(base, i));
      Thread.sleep(50);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "  %-32s %d in %.1f s; a vote waited median %.1f ms before, during: median %.1f ms,"
            + " worst %.1f ms (%d votes)%n",
        what,
        imported.get(),
        seconds,
        median(before) / 1e6,
        median(during) / 1e6,
        during.isEmpty() ? 0 : Collections.max(during) / 1e6,
        during.size());
  }

  /**
   * {@link #MAX_ROWS} rows over the corpus's clips and 100 annotators, each with a note filling
   * {@code mb} MB.
   */
  private static String atTheRowCap(int mb, int clips) {
    int rowBytes = (int) ((mb * (1L << 20) - 64) / MAX_ROWS);
    StringBuilder csv = new StringBuilder(mb << 20).append("key,value,annotator,note\n");
    for (int i = 0; i < MAX_ROWS; i++) {
      int start = csv.length();
      csv.append(SyntheticCorpora.key(i % clips))
          .append(i % 3 == 0 ? ",no," : ",yes,")
          .append("importer-")
          .append(i / clips)
          .append(',');
      csv.append("n".repeat(Math.max(1, rowBytes - (csv.length() - start) - 1))).append('\n');
    }
    return csv.toString();
  }

  /** The file: one key voted yes, row after row, {@code mb} MB of them. */
  private static String oneKeyRepeated(int mb) {
    String row = SyntheticCorpora.key(0) + ",yes\n";
    StringBuilder csv = new StringBuilder(mb << 20).append("key,value\n");
    while (csv.length() + row.length() <= mb << 20) {
      csv.append(row);
    }
    return csv.toString();
  }

  private static long vote(String base, int i) {
    long t = System.nanoTime();
    int status =
        send(
            base,
            "POST",
            "/api/labels/stall/annotations",
            "application/json",
            "{\"key\":\""
                + SyntheticCorpora.key(i % 50)
                + "\",\"value\":\"yes\",\"annotator\":\"voter\"}");
    if (status != 201) {
      throw new IllegalStateException("a vote got " + status);
    }
    return System.nanoTime() - t;
  }

  private static int send(String base, String method, String path, String type, String body) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Content-Type", type)
                  .method(method, HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
  }
}

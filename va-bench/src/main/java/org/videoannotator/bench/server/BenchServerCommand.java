package org.videoannotator.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.bench.BenchOptions;
import org.videoannotator.core.BenchSubcommand;
import org.videoannotator.core.Settings;
import org.videoannotator.core.UserException;
import org.videoannotator.index.Corpus;
import org.videoannotator.learn.CorpusScorer;
import org.videoannotator.server.ServerRuntime;
import org.videoannotator.testkit.JsonHttp;
import org.videoannotator.testkit.SyntheticCorpora;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code va bench server}: (1) builds on {@code --annotations} annotations over a generated (or
 * given) corpus, timed end to end over HTTP from the build request to the four feeds read back,
 * with a memory-streaming pass over the same vectors as the in-run baseline; (2) {@code --clients}
 * annotators labelling as fast as they can for {@code --seconds}, the server killed with SIGKILL,
 * restarted, acknowledged annotations counted; (3) {@code --fuzz} malformed requests.
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = "Benchmark the annotation server: build latency, crash durability, fuzzing.")
public final class BenchServerCommand implements BenchSubcommand, Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(BenchServerCommand.class);
  private static final List<String> FEEDS =
      List.of("top-positive", "top-negative", "borderline", "random");

  @Option(
      names = "--rows",
      defaultValue = "500000",
      description = "clips of the generated corpus (default ${DEFAULT-VALUE})")
  int rows;

  @Option(
      names = "--dim",
      defaultValue = "512",
      description = "vector dimension (default ${DEFAULT-VALUE})")
  int dim;

  @Option(
      names = "--corpus",
      description =
          "use this existing corpus instead of generating one (keys vid<v>|<frame> not required)")
  Path corpusDir;

  @Option(
      names = "--annotations",
      defaultValue = "1000",
      description = "annotations per build (default ${DEFAULT-VALUE})")
  int annotations;

  @Option(
      names = "--builds",
      defaultValue = "5",
      description = "timed builds (default ${DEFAULT-VALUE})")
  int builds;

  @Option(
      names = "--clients",
      defaultValue = "4",
      description = "concurrent annotators (default ${DEFAULT-VALUE})")
  int clients;

  @Option(
      names = "--seconds",
      defaultValue = "60",
      description = "labelling burst before kill -9 (default ${DEFAULT-VALUE})")
  int seconds;

  @Option(
      names = "--fuzz",
      defaultValue = "5000",
      description = "malformed requests (default ${DEFAULT-VALUE})")
  int fuzz;

  @Mixin BenchOptions options;

  @Override
  public Integer call() throws Exception {
    Settings.log(
        LOG,
        "bench server",
        "rows",
        rows,
        "dim",
        dim,
        "corpus",
        corpusDir,
        "annotations",
        annotations,
        "builds",
        builds,
        "clients",
        clients,
        "seconds",
        seconds,
        "fuzz",
        fuzz,
        "seed",
        options.seed());
    if (rows < 1000
        || dim < 2
        || annotations < 10
        || builds < 1
        || clients < 1
        || seconds < 1
        || fuzz < 0) {
      throw new UserException(
          "need --rows >= 1000, --dim >= 2, --annotations >= 10, --builds/--clients/--seconds >= 1,"
              + " --fuzz >= 0");
    }
    Path dir = corpusDir;
    Map<String, Object> figures = new LinkedHashMap<>();
    try (BenchOptions.Scratch scratch = options.scratch("server")) {
      if (dir == null) {
        dir = scratch.dir().resolve("corpus");
        long t = System.nanoTime();
        SyntheticCorpora.create(dir, rows, dim, options.seed()).close();
        figures.put("generateSeconds", (System.nanoTime() - t) / 1e9);
      }
      String label = "bench-" + System.currentTimeMillis();
      List<String> keys;
      try (ServerRuntime runtime = ServerRuntime.open(dir, null)) {
        Corpus corpus = runtime.corpus();
        figures.put("rows", corpus.size());
        figures.put("dim", corpus.dimension());
        keys = sampleKeys(corpus, Math.max(annotations, 2000));
        figures.put("build", benchBuilds(runtime, label, keys));
      }
      WriteThroughput.Report writes =
          WriteThroughput.run(dir, keys, clients, Math.min(seconds, 10), 100_000);
      figures.put(
          "writeThroughput",
          Map.of(
              "freshPerSecond",
              writes.freshPerSecond(),
              "longLogPerSecond",
              writes.longLogPerSecond(),
              "logSize",
              writes.logSize(),
              "clients",
              writes.clients(),
              "ratio",
              writes.ratio(),
              "longLogFirstReadMillis",
              writes.longLogFirstReadMillis()));
      System.out.printf(
          "write throughput, %d clients: %.0f votes/s on an empty log, %.0f votes/s after %,d events"
              + " (ratio %.2f; target <= 2); first read of the long label (projects its log, once) %.0f ms%n",
          writes.clients(),
          writes.freshPerSecond(),
          writes.longLogPerSecond(),
          writes.logSize(),
          writes.ratio(),
          writes.longLogFirstReadMillis());
      System.out.println();
      DurabilityCheck.Report crash =
          DurabilityCheck.run(dir, label + "-crash", keys, clients, Duration.ofSeconds(seconds));
      figures.put("durability", crash);
      System.out.printf(
          "kill -9 after %.1f s of %d clients labelling: acknowledged %d (%.0f/s), present after restart %d,"
              + " missing %d, unacknowledged attempts %d%n",
          crash.seconds(),
          crash.clients(),
          crash.acknowledged(),
          crash.perSecond(),
          crash.found(),
          crash.missing(),
          crash.failedAfterKill());
      if (fuzz > 0) {
        try (ServerRuntime runtime = ServerRuntime.open(dir, null)) {
          String url = runtime.start("127.0.0.1", 0).replaceAll("/$", "");
          long t = System.nanoTime();
          Fuzzer.Report report =
              new Fuzzer(url, List.of(label), keys.subList(0, 100)).run(fuzz, options.seed());
          double fuzzSeconds = (System.nanoTime() - t) / 1e9;
          int info = new JsonHttp(url).get("/api/info").status();
          figures.put(
              "fuzz",
              Map.of(
                  "requests",
                  report.requests(),
                  "statuses",
                  report.statuses(),
                  "fiveHundreds",
                  report.count5xx(),
                  "connectionErrors",
                  report.connectionErrors(),
                  "seconds",
                  fuzzSeconds,
                  "infoAfter",
                  info));
          System.out.printf(
              "fuzz: %d malformed requests in %.1f s, statuses %s, 5xx %d, connection errors %d,"
                  + " /api/info afterwards %d%n",
              report.requests(),
              fuzzSeconds,
              report.statuses(),
              report.count5xx(),
              report.connectionErrors(),
              info);
          report.serverErrors().forEach(e -> System.out.println("  finding: " + e));
        }
      }
      options.writeFigures(figures);
      return 0;
    }
  }

  private static List<String> sampleKeys(Corpus corpus, int n) {
    List<String> all = corpus.vectors().keys().keys();
    SplittableRandom random = new SplittableRandom(1);
    List<String> keys = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    while (keys.size() < Math.min(n, all.size())) {
      int row = random.nextInt(all.size());
      if (seen.add(row)) {
        keys.add(all.get(row));
      }
    }
    return keys;
  }

  /** Labels {@code annotations} clips through the API, then times builds end to end. */
  private Map<String, Object> benchBuilds(ServerRuntime runtime, String label, List<String> keys)
      throws Exception {
    String url = runtime.start("127.0.0.1", 0).replaceAll("/$", "");
    JsonHttp http = new JsonHttp(url);
    http.post("/api/labels", Map.of("name", label));
    Corpus corpus = runtime.corpus();
    // Truth: the synthetic concept when the clips carry clusters, else a seeded coin (still both
    // classes).
    SplittableRandom coin = new SplittableRandom(options.seed());
    List<Map<String, Object>> batch = new ArrayList<>();
    for (String key : keys.subList(0, annotations)) {
      int cluster = corpus.clip(key).map(c -> c.cluster()).orElse(-1);
      boolean yes = cluster >= 0 ? cluster <= 1 : coin.nextInt(3) == 0;
      batch.add(Map.of("key", key, "value", yes ? "yes" : "no", "annotator", "bench"));
      if (batch.size() == 250) {
        http.post("/api/labels/" + label + "/annotations", batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      http.post("/api/labels/" + label + "/annotations", batch);
    }
    CorpusScorer scorer = new CorpusScorer();
    long s0 = System.nanoTime();
    double sum = scorer.streamSum(corpus.vectors().matrix());
    double streamMs = (System.nanoTime() - s0) / 1e6;
    List<Double> endToEnd = new ArrayList<>();
    List<JsonNode> stages = new ArrayList<>();
    System.out.printf(
        "%-6s %10s %8s %8s %8s %8s %8s %8s%n",
        "build", "http->feeds", "load", "train", "score", "feeds", "save", "AP");
    for (int b = 0; b < builds; b++) {
      long t0 = System.nanoTime();
      JsonHttp.Reply started = http.post("/api/labels/" + label + "/builds", Map.of());
      if (started.status() != 202) {
        throw new UserException("build refused: " + started.body());
      }
      long id = started.json().get("id").asLong();
      JsonNode status;
      do {
        Thread.sleep(5);
        status = http.get("/api/builds/" + id).json();
      } while (status.get("status").asText().equals("queued")
          || status.get("status").asText().equals("running"));
      if (!status.get("status").asText().equals("done")) {
        throw new UserException("build " + id + " ended " + status);
      }
      for (String feed : FEEDS) {
        http.get("/api/labels/" + label + "/feeds/" + feed + "?k=20");
      }
      double ms = (System.nanoTime() - t0) / 1e6;
      endToEnd.add(ms);
      stages.add(status.get("stageMillis"));
      JsonNode st = status.get("stageMillis");
      System.out.printf(
          "%-6d %10.0f %8d %8d %8d %8d %8d %8.3f%n",
          b + 1,
          ms,
          st.path("load").asLong(),
          st.path("train").asLong(),
          st.path("score").asLong(),
          st.path("feeds").asLong(),
          st.path("save").asLong(),
          status.get("quality").get("apMean").asDouble());
    }
    List<Double> sorted = endToEnd.stream().sorted().toList();
    double median = sorted.get(sorted.size() / 2);
    System.out.printf(
        "median build end to end (HTTP request -> 4 feeds read): %.0f ms over %d builds, %d annotations,"
            + " %d x %d corpus%n",
        median, builds, annotations, corpus.size(), corpus.dimension());
    System.out.printf(
        "baseline: one streaming pass over the vectors %.0f ms (checksum %.3f); build / stream = %.1fx%n",
        streamMs, sum, median / streamMs);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("annotations", annotations);
    out.put("endToEndMs", endToEnd);
    out.put("medianMs", median);
    out.put("streamBaselineMs", streamMs);
    out.put("ratioToStream", median / streamMs);
    out.put("stageMillis", stages);
    return out;
  }
}

package org.videoannotator.bench.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.BenchSubcommand;
import org.videoannotator.core.Json;
import org.videoannotator.core.Progress;
import org.videoannotator.core.Settings;
import org.videoannotator.core.UserException;
import org.videoannotator.datasets.TruthTable;
import org.videoannotator.datasets.VaDataset;
import org.videoannotator.index.VaImport;
import org.videoannotator.server.ServerRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code va bench loop}: a simulated expert drives the real server over HTTP, through the routes
 * the UI uses, with each policy; the models it builds are measured against a truth file on a
 * hold-out the expert never labels. Writes {@code loop.json}, {@code loop.md} and PNG plots.
 */
@Command(
    name = "loop",
    mixinStandardHelpOptions = true,
    description = {
      "Does the loop help? A simulated expert (answers from --truth, wrong with chance --noise) labels",
      "each label through the server's routes (zero-shot search first, then the feeds of each build)",
      "with each policy, for several seeds; every model is measured on a 20% hold-out never labelled.",
      "Writes loop.json, loop.md and PNG plots to --out."
    })
public final class LoopCommand implements BenchSubcommand, Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(LoopCommand.class);

  @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(
        names = "--corpus",
        paramLabel = "C",
        description =
            "an existing corpus (its labels are left alone:"
                + " the benchmark works on labels of its own, deleted at the end)")
    Path corpus;

    @Option(
        names = "--data",
        paramLabel = "DIR",
        description =
            "a data set in the released layout, imported" + " into a corpus under --work first")
    Path data;
  }

  @Option(
      names = "--truth",
      paramLabel = "FILE",
      description = "key,<label>,... 0/1 per shot (default:" + " truth.csv of --data)")
  Path truth;

  @Option(
      names = "--labels",
      split = ",",
      description = "labels to run (default: every label of the truth file)")
  List<String> labels;

  @Option(
      names = "--budget",
      split = ",",
      defaultValue = "25,50,100,200,500",
      description = "labels per label at which models are measured (default ${DEFAULT-VALUE})")
  List<Integer> budgets;

  @Option(
      names = "--batch",
      defaultValue = "25",
      description = "clips labelled between builds (default ${DEFAULT-VALUE})")
  int batch;

  @Option(
      names = "--noise",
      defaultValue = "0.1",
      description = "chance the expert answers against the truth" + " (default ${DEFAULT-VALUE})")
  double noise;

  @Option(
      names = "--seeds",
      defaultValue = "3",
      description =
          "seeds (hold-out, expert's mistakes, random"
              + " draws, build seed) (default ${DEFAULT-VALUE})")
  int seeds;

  @Option(
      names = "--policies",
      split = ",",
      defaultValue = "all",
      description =
          "policies (default all): feeds"
              + " (top-positive, top-negative, borderline, random-feed, auto, borderline-diverse, ...), default,"
              + " random, zero-shot, combined")
  List<String> policyNames;

  @Option(names = "--parallel", description = "sessions run at once (default: the number of cores)")
  Integer parallel;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "where --data is imported (default: a temporary" + " folder, deleted after)")
  Path work;

  @Option(
      names = "--keep-labels",
      description =
          "keep each session's label on the server (named as"
              + " loop.json's settings.server_labels says), with its annotations and models, instead of"
              + " deleting it")
  boolean keepLabels;

  @Option(
      names = "--share-labels",
      description =
          "keep every session's label until the run ends (as an editor keeps her labels), so that the"
              + " server pools the annotator's error rates over them; sessions then depend on each"
              + " other's timing: a run repeats exactly only with --parallel 1")
  boolean shareLabels;

  @Option(
      names = "--dump-estimates",
      paramLabel = "DIR",
      description =
          "write every build's estimator inputs, the truth and the hold-outs to DIR, for"
              + " `va bench estimates` to replay estimator variants on")
  Path dumpEstimates;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "results folder")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    validate();
    Settings.log(
        LOG,
        "bench loop",
        "corpus",
        source.corpus,
        "data",
        source.data,
        "truth",
        truth,
        "labels",
        labels,
        "budget",
        budgets,
        "batch",
        batch,
        "noise",
        noise,
        "seeds",
        seeds,
        "policies",
        policyNames,
        "out",
        out);
    TruthTable table = TruthTable.read(truth);
    List<String> chosen = chooseLabels(table);
    Path temp = null;
    long started = System.nanoTime();
    try {
      Path corpusDir = source.corpus;
      if (corpusDir == null) {
        temp = work != null ? work : Files.createTempDirectory("va-bench-loop");
        corpusDir = temp.resolve("corpus");
        try (VaDataset data = VaDataset.open(source.data)) {
          VaImport.Summary s = VaImport.run(data, corpusDir, 50_000, true, null);
          System.out.printf(
              "imported %s: %d shots, %d named queries%n",
              source.data, s.shots(), s.namedQueries());
        }
      }
      LoopResults results;
      ObjectNode settings;
      try (ServerRuntime runtime = ServerRuntime.open(corpusDir, null)) {
        LoopApi api = new LoopApi(runtime.start("127.0.0.1", 0));
        JsonNode info = api.info();
        Map<String, Policy> available =
            Policies.available(feedsOf(info), openedFeed(info), info.path("rebuildEvery").asInt(0));
        List<Policy> policies = Policies.parse(policyNames, available);
        settings = settings(info, available, policies, chosen);
        EstimateDumps dumps = dumpEstimates == null ? null : EstimateDumps.start(dumpEstimates);
        try {
          results = run(api, info, table, chosen, policies, settings, dumps, runtime);
        } finally {
          EstimateDumps.stop();
        }
        settings.put("server_errors_retried", api.serverErrors());
      }
      settings.put("seconds", (System.nanoTime() - started) / 1e9);
      write(results, settings);
      return 0;
    } finally {
      if (temp != null && work == null) {
        deleteTree(temp);
      }
    }
  }

  private void validate() {
    if (source.data != null && truth == null) {
      truth = source.data.resolve(TruthTable.FILE);
    }
    if (truth == null) {
      throw new UserException(
          "--truth FILE is required with --corpus (a key,<label>,... file of 0/1)");
    }
    budgets = budgets.stream().distinct().sorted().toList();
    if (budgets.getFirst() < 1 || batch < 1 || seeds < 1 || noise < 0 || noise >= 0.5) {
      throw new UserException(
          "need --budget values >= 1, --batch >= 1, --seeds >= 1 and 0 <= --noise < 0.5");
    }
    if (parallel == null) {
      parallel = Runtime.getRuntime().availableProcessors();
    }
    if (parallel < 1) {
      throw new UserException("--parallel must be at least 1, got " + parallel);
    }
  }

  private List<String> chooseLabels(TruthTable table) {
    if (labels == null || labels.isEmpty()) {
      return table.labels();
    }
    for (String l : labels) {
      if (table.labelIndex(l) < 0) {
        throw new UserException(
            "--labels: '" + l + "' is not a column of " + truth + "; it has " + table.labels());
      }
    }
    return List.copyOf(labels);
  }

  private static List<String> feedsOf(JsonNode info) {
    List<String> feeds = new ArrayList<>();
    info.path("feeds").forEach(f -> feeds.add(f.path("id").asText()));
    if (feeds.isEmpty()) {
      throw new UserException("the server lists no feeds in /api/info");
    }
    return feeds;
  }

  /**
   * The feed the UI opens after a build: the recommended one, else the first (va-web's build step).
   */
  private static String openedFeed(JsonNode info) {
    for (JsonNode f : info.path("feeds")) {
      if (f.path("recommended").asBoolean(false)) {
        return f.path("id").asText();
      }
    }
    return info.path("feeds").path(0).path("id").asText();
  }

  private LoopResults run(
      LoopApi api,
      JsonNode info,
      TruthTable table,
      List<String> chosen,
      List<Policy> policies,
      ObjectNode settings,
      EstimateDumps dumps,
      ServerRuntime runtime)
      throws InterruptedException, IOException {
    Map<String, Integer> rows = Expert.rowsOf(table);
    List<Long> seedList = new ArrayList<>();
    List<Expert> experts = new ArrayList<>();
    for (long s = 0; s < seeds; s++) {
      seedList.add(s);
      Expert expert = new Expert(table, rows, s, noise);
      experts.add(expert);
      expert.writeHoldout(out.resolve("answers").resolve("holdout-s" + s + ".txt"));
    }
    List<String> named = new ArrayList<>();
    info.path("namedQueries").forEach(q -> named.add(q.asText()));
    String run = Long.toString(System.currentTimeMillis(), 36);
    settings.put(
        "server_labels",
        serverLabel(run, "{label}", "{policy}", 0).replace("-s0", "-s{seed}")
            + (keepLabels
                ? " (kept)"
                : shareLabels
                    ? " (deleted when the run ends)"
                    : " (deleted as each session ends)"));
    settings.put("share_labels", shareLabels);
    Map<String, Map<String, List<Future<List<Step>>>>> futures = new LinkedHashMap<>();
    Map<String, Double> trueRates = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    // With --share-labels every session's label lives until the run ends, as an editor's labels
    // do: the server pools the annotators' error rates over the labels it holds (va-learn's
    // ErrorPrior). Without it each session deletes its own, and sessions stay independent.
    List<String> serverLabels = new ArrayList<>();
    try (Progress progress =
        Progress.start(
            "loop",
            (long) chosen.size() * seeds * policies.stream().mapToLong(this::batches).sum(),
            "batches")) {
      for (String label : chosen) {
        int column = table.labelIndex(label);
        trueRates.put(label, table.rate(column));
        if (dumps != null) {
          dumps.writeTruth(table, label, runtime.corpus().vectors().keys(), experts);
        }
        String mode = named.contains(label) ? "query" : "text";
        String query = named.contains(label) ? label : label.replace('-', ' ');
        for (Policy policy : policies) {
          List<Future<List<Step>>> perSeed = new ArrayList<>();
          for (Expert expert : experts) {
            Path answers = out.resolve("answers").resolve(label).resolve(fileName(policy, expert));
            Session.Plan plan =
                new Session.Plan(budgets, batch, mode, query, !keepLabels && !shareLabels, answers);
            String serverLabel = serverLabel(run, label, policy.name(), expert.seed());
            if (dumps != null) {
              dumps.session(serverLabel, label, expert.seed(), noise);
            }
            Session session = new Session(api, serverLabel, column, expert, policy, plan);
            serverLabels.add(serverLabel);
            perSeed.add(pool.submit(() -> session.run(progress::step)));
          }
          futures.computeIfAbsent(label, k -> new LinkedHashMap<>()).put(policy.name(), perSeed);
        }
      }
      Map<String, Map<String, List<List<Step>>>> runs = new LinkedHashMap<>();
      for (var byLabel : futures.entrySet()) {
        for (var byPolicy : byLabel.getValue().entrySet()) {
          List<List<Step>> steps = new ArrayList<>();
          for (Future<List<Step>> f : byPolicy.getValue()) {
            steps.add(f.get());
          }
          runs.computeIfAbsent(byLabel.getKey(), k -> new LinkedHashMap<>())
              .put(byPolicy.getKey(), steps);
        }
      }
      return new LoopResults(
          budgets, chosen, policies.stream().map(Policy::name).toList(), seedList, trueRates, runs);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("a session failed: " + cause, cause);
    } finally {
      pool.shutdownNow();
      if (shareLabels && !keepLabels) {
        serverLabels.forEach(api::deleteLabel);
      }
    }
  }

  /** The session's label on the server (policy names may hold characters a label name may not). */
  private static String serverLabel(String run, String label, String policy, long seed) {
    return "loop-"
        + run
        + "-"
        + label
        + "-"
        + policy.replaceAll("[^A-Za-z0-9_.{}-]", "_")
        + "-s"
        + seed;
  }

  /** A session's answers file under {@code answers/<label>/}. */
  private static String fileName(Policy policy, Expert expert) {
    return policy.name().replaceAll("[^A-Za-z0-9_.-]", "_") + "-s" + expert.seed() + ".csv";
  }

  /** Batches of one session of {@code policy}: the budget steps cut into its batches. */
  private long batches(Policy policy) {
    int batch = policy.batch(this.batch);
    long n = 0;
    int previous = 0;
    for (int b : budgets) {
      n += (b - previous + batch - 1) / batch;
      previous = b;
    }
    return n;
  }

  private ObjectNode settings(
      JsonNode info, Map<String, Policy> available, List<Policy> policies, List<String> chosen) {
    ObjectNode s = Json.mapper().createObjectNode();
    s.put("command", command());
    s.put("corpus", String.valueOf(source.corpus));
    s.put("data", String.valueOf(source.data));
    s.put("truth", truth.toString());
    s.set("labels", Json.mapper().valueToTree(chosen));
    s.set("budgets", Json.mapper().valueToTree(budgets));
    s.put("batch", batch).put("noise", noise).put("seeds", seeds).put("parallel", parallel);
    s.put("holdout_share", Expert.HOLDOUT_SHARE);
    s.set("policies", Json.mapper().valueToTree(policies.stream().map(Policy::name).toList()));
    FeedPolicy opened = (FeedPolicy) available.get(Policies.DEFAULT);
    s.put("default_feed", opened.feed());
    s.put("default_batch", opened.batch(batch)); // the UI's automatic rebuild, when more often
    s.put("clips", info.path("clips").asInt());
    s.put("cores", Runtime.getRuntime().availableProcessors());
    return s;
  }

  private String command() {
    // The parse result holds the whole command line ("bench loop ..."), parents included.
    return "va " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }

  private void write(LoopResults results, ObjectNode settings) throws Exception {
    Files.createDirectories(out);
    LoopSummary summary = new LoopSummary(results);
    Json.mapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(out.resolve("loop.json").toFile(), LoopJson.of(results, summary, settings));
    String md =
        new LoopMarkdown(results, summary)
            .render(
                settings.get("command").asText(),
                settings.get("server_errors_retried").asInt(),
                cadence(settings));
    Files.writeString(out.resolve("loop.md"), md, StandardCharsets.UTF_8);
    List<Path> plots = LoopPlots.write(results, summary, out);
    System.out.print(md);
    System.out.printf(
        "wrote %s, %s and %s in %.0f s%n",
        out.resolve("loop.json"),
        out.resolve("loop.md"),
        plots,
        settings.get("seconds").asDouble());
  }

  /** How often the policies rebuild, in words, for loop.md. */
  private static String cadence(ObjectNode settings) {
    int batch = settings.get("batch").asInt();
    int opened = settings.get("default_batch").asInt();
    String all = "the feed policies rebuild after every " + batch + " labels";
    return opened == batch
        ? all
        : all + ", `default` after every " + opened + " (the UI rebuilds by itself that often)";
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

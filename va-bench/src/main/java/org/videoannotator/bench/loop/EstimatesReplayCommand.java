package org.videoannotator.bench.loop;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.videoannotator.core.BenchSubcommand;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;
import org.videoannotator.learn.estimate.CorpusEstimates;
import org.videoannotator.learn.estimate.ErrorPrior;
import org.videoannotator.learn.estimate.Logits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code va bench estimates}: replays {@code CorpusEstimates} as it is now on the inputs that the
 * builds of earlier {@code va bench loop --dump-estimates DIR} runs wrote, and prints issue 24's
 * checks against the truth in seconds instead of a loop run's minutes: at {@code --budget} labels,
 * the estimated prevalence within a factor 1.5 of the truth or the truth inside its interval, and
 * the share called "yes" within a factor 2 of the truth; at the first build (the fewest labels),
 * the share called "yes" above 0 and below three times the truth plus 5 points. Also the decision's
 * precision and recall on the hold-out. The feeds a build offered depended on the estimator of the
 * run that wrote the dumps, so a replay judges a change on that run's labels; a loop run confirms.
 */
@Command(
    name = "estimates",
    mixinStandardHelpOptions = true,
    description = {
      "Replay the build estimates (prevalence, decision) on the inputs that",
      "`va bench loop --dump-estimates DIR` runs wrote, and print issue 24's checks per label and seed."
    })
public final class EstimatesReplayCommand implements BenchSubcommand, Callable<Integer> {
  @Parameters(paramLabel = "DIR", arity = "1..*", description = "--dump-estimates folders")
  List<Path> dirs;

  @Option(
      names = "--budget",
      defaultValue = "200",
      description = "labels at which the checks are read (default ${DEFAULT-VALUE})")
  int budget;

  @Option(names = "--verbose", description = "one line per label and seed")
  boolean verbose;

  /** One replayed build. */
  record Replayed(
      String label,
      long seed,
      int labels,
      double trueRate,
      CorpusEstimates.Result result,
      double precision,
      double recall) {
    boolean prevalenceOk() {
      CorpusEstimates.Prevalence p = result.prevalence();
      return (p.lo() <= trueRate && trueRate <= p.hi())
          || (trueRate / 1.5 < p.value() && p.value() < 1.5 * trueRate);
    }

    double yesShare() {
      return result.cut().yesShare();
    }

    boolean yesShareOk() {
      return trueRate / 2 < yesShare() && yesShare() < 2 * trueRate;
    }

    boolean earlyOk() {
      return yesShare() > 0 && yesShare() < 3 * trueRate + 0.05;
    }
  }

  @Override
  public Integer call() throws IOException {
    for (Path dir : dirs) {
      report(dir, replay(dir, budget));
    }
    return 0;
  }

  /** The builds at {@code budget} labels and each session's first. */
  static List<Replayed> replay(Path dir, int budget) throws IOException {
    Path sessions = dir.resolve("sessions.csv");
    if (!Files.isRegularFile(sessions)) {
      throw new UserException(
          dir + " has no sessions.csv: give a folder that `va bench loop --dump-estimates` wrote");
    }
    Map<String, String[]> bySession = new HashMap<>();
    List<String> lines = Files.readAllLines(sessions);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      bySession.put(f[0], f);
    }
    Map<String, boolean[]> bits = new HashMap<>();
    List<Replayed> out = new ArrayList<>();
    List<BuildFile> builds;
    try (Stream<Path> s = Files.list(dir.resolve("builds"))) {
      builds = s.filter(p -> p.toString().endsWith(".json")).sorted().map(BuildFile::of).toList();
    }
    Map<String, Integer> firstBuild = new HashMap<>();
    builds.forEach(b -> firstBuild.merge(b.session(), b.labels(), Math::min));
    for (BuildFile build : builds) {
      String[] session = bySession.get(build.session());
      if (session == null
          || (build.labels() != budget && build.labels() != firstBuild.get(build.session()))) {
        continue;
      }
      Path file = build.file();
      String label = session[1];
      long seed = Long.parseLong(session[2]);
      boolean[] truth =
          bits.computeIfAbsent("truth/" + label, k -> readBits(dir.resolve(k + ".txt")));
      boolean[] holdout =
          bits.computeIfAbsent("holdout/s" + seed, k -> readBits(dir.resolve(k + ".txt")));
      out.add(replayOne(Json.mapper().readTree(file.toFile()), label, seed, truth, holdout));
    }
    return out;
  }

  /** A dumped build's file: {@code <session's server label>-<labelled clips>.json}. */
  private record BuildFile(Path file, String session, int labels) {
    static BuildFile of(Path file) {
      String name = file.getFileName().toString().replaceAll("\\.json$", "");
      int dash = name.lastIndexOf('-');
      return new BuildFile(
          file, name.substring(0, dash), Integer.parseInt(name.substring(dash + 1)));
    }
  }

  /** The dump's error prior (absent or null in dumps from before the pool: none). */
  private static ErrorPrior errorPrior(JsonNode p) {
    return p == null || p.isNull()
        ? null
        : new ErrorPrior(
            p.get("falseYes").asDouble(),
            p.get("falseYesWeight").asDouble(),
            p.get("falseNo").asDouble(),
            p.get("falseNoWeight").asDouble(),
            p.get("labels").asInt());
  }

  private static Replayed replayOne(
      JsonNode d, String label, long seed, boolean[] truth, boolean[] holdout) {
    int m = d.get("rows").size();
    int[] rows = new int[m];
    boolean[] yes = new boolean[m];
    double[] outOfFold = new double[m];
    boolean[] random = new boolean[m];
    for (int i = 0; i < m; i++) {
      rows[i] = d.get("rows").get(i).asInt();
      yes[i] = d.get("yes").get(i).asBoolean();
      outOfFold[i] = d.get("outOfFold").get(i).asDouble();
      random[i] = d.get("fromRandomFeed").get(i).asBoolean();
    }
    ByteBuffer bytes =
        ByteBuffer.wrap(Base64.getDecoder().decode(d.get("logitsFloat32LittleEndian").asText()))
            .order(ByteOrder.LITTLE_ENDIAN);
    float[] logits = new float[bytes.remaining() / 4];
    bytes.asFloatBuffer().get(logits);
    float[] probabilities = Logits.probabilities(logits);
    CorpusEstimates.Result r =
        CorpusEstimates.of(
            logits,
            probabilities,
            new CorpusEstimates.LabelledClips(rows, yes, outOfFold, random),
            d.get("slope").asDouble(),
            d.get("intercept").asDouble(),
            () -> errorPrior(d.get("errorPrior")),
            d.get("seed").asLong());
    double threshold = r.cut().threshold();
    long positives = 0;
    long called = 0;
    long hits = 0;
    long truthYes = 0;
    for (int i = 0; i < logits.length; i++) {
      truthYes += truth[i] ? 1 : 0;
      if (holdout[i]) {
        boolean calls = probabilities[i] >= threshold;
        positives += truth[i] ? 1 : 0;
        called += calls ? 1 : 0;
        hits += calls && truth[i] ? 1 : 0;
      }
    }
    return new Replayed(
        label,
        seed,
        m,
        truthYes / (double) logits.length,
        r,
        called == 0 ? Double.NaN : hits / (double) called,
        positives == 0 ? Double.NaN : hits / (double) positives);
  }

  private static boolean[] readBits(Path file) {
    try {
      String s = Files.readString(file).strip();
      boolean[] out = new boolean[s.length()];
      for (int i = 0; i < out.length; i++) {
        out[i] = s.charAt(i) == '1';
      }
      return out;
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private void report(Path dir, List<Replayed> all) {
    System.out.printf(Locale.ROOT, "%s at %d labels%n", dir, budget);
    Map<String, int[]> perSeed = new TreeMap<>();
    int[] totals = new int[5];
    Map<String, Integer> first = new HashMap<>();
    for (Replayed r : all) {
      first.merge(r.label() + "/" + r.seed(), r.labels(), Math::min);
    }
    double precision = 0;
    double recall = 0;
    for (Replayed r : all) {
      if (r.labels() == first.get(r.label() + "/" + r.seed())) {
        totals[3] += r.earlyOk() ? 1 : 0;
        totals[4]++;
      }
      if (r.labels() != budget) {
        continue;
      }
      int[] s = perSeed.computeIfAbsent("seed " + r.seed(), k -> new int[3]);
      s[0] += r.prevalenceOk() ? 1 : 0;
      s[1] += r.yesShareOk() ? 1 : 0;
      s[2]++;
      totals[0] += r.prevalenceOk() ? 1 : 0;
      totals[1] += r.yesShareOk() ? 1 : 0;
      totals[2]++;
      precision += Double.isNaN(r.precision()) ? 0 : r.precision();
      recall += Double.isNaN(r.recall()) ? 0 : r.recall();
      if (verbose) {
        CorpusEstimates.Prevalence p = r.result().prevalence();
        System.out.printf(
            Locale.ROOT,
            "  %-20s s%d true %5.1f%% est %5.1f%% [%5.1f, %5.1f] %-15s yes %5.1f%% (x%.2f) P %.2f R %.2f %s%s"
                + "  model %5.1f%% [%5.1f, %5.1f] random %d errors %.2f%s %.2f%s%n",
            r.label(),
            r.seed(),
            100 * r.trueRate(),
            100 * p.value(),
            100 * p.lo(),
            100 * p.hi(),
            p.method(),
            100 * r.yesShare(),
            r.yesShare() / r.trueRate(),
            r.precision(),
            r.recall(),
            r.prevalenceOk() ? "P" : "-",
            r.yesShareOk() ? "Y" : "-",
            100 * r.result().model().value(),
            100 * r.result().model().lo(),
            100 * r.result().model().hi(),
            p.randomLabels(),
            r.result().answerError().fit().falseYes(),
            r.result().answerError().falseYesBounded()
                ? " (bound)"
                : r.result().answerError().fit().falseYesFitted() ? "" : " (fixed)",
            r.result().answerError().fit().falseNo(),
            r.result().answerError().fit().falseNoFitted() ? "" : " (fixed)");
      }
    }
    System.out.printf(
        Locale.ROOT,
        "  prevalence check %d/%d, yes-share check %d/%d, first-build check %d/%d;"
            + " mean decision precision %.3f, recall %.3f (hold-out)%n",
        totals[0],
        totals[2],
        totals[1],
        totals[2],
        totals[3],
        totals[4],
        precision / Math.max(1, totals[2]),
        recall / Math.max(1, totals[2]));
    perSeed.forEach(
        (k, v) ->
            System.out.printf(
                Locale.ROOT,
                "  %s: prevalence %d/%d, yes share %d/%d%n",
                k,
                v[0],
                v[2],
                v[1],
                v[2]));
  }
}

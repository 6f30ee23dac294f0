package org.videoannotator.bench.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.videoannotator.core.BenchSubcommand;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;
import org.videoannotator.core.io.FileTrees;
import org.videoannotator.datasets.AggEntry;
import org.videoannotator.datasets.TruthTable;
import org.videoannotator.datasets.VaDataset;
import org.videoannotator.index.VaImport;
import org.videoannotator.server.ServerRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code va bench session}: the first build of a new user, per label. The first {@code --yes} "yes"
 * and {@code --no} "no" answers of the label's VA session ({@code agg/{label}.json}, in the
 * session's order, with the session's own answers) are posted through the server's routes, one
 * build is made, and the share of the corpus its decision calls "yes" is set against the truth.
 *
 * <p>Why: those labels are the loop's most biased moment (a search's likely positives, 61 % "yes"
 * where the corpus holds a few percent), and the calibrated decision once called 96 % of a corpus
 * "yes" on them. The share is counted twice: from the build document (what the UI shows) and from
 * the model's scores of every clip against the build's threshold (what the export and the feeds
 * use); a label passes when both are above 0 and below three times the true rate plus 5 points.
 */
@Command(
    name = "session",
    mixinStandardHelpOptions = true,
    description = {
      "The first build of a new user, per label: the first --yes/--no answers of the label's VA",
      "session (agg/<label>.json, in order) are posted to the server, one build is made, and the",
      "share of the corpus called \"yes\" is compared with the truth (--truth). Writes session.json",
      "and session.md to --out."
    })
public final class SessionCheckCommand implements BenchSubcommand, Callable<Integer> {
  /** The check: a share above 0 and below {@code 3 x true rate + 5 points}. */
  static final double TIMES_TRUTH = 3;

  static final double PLUS = 0.05;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "a data set in the released layout (imported into a corpus under --work first)")
  Path data;

  @Option(
      names = "--truth",
      paramLabel = "FILE",
      description = "key,<label>,... 0/1 per shot (default: truth.csv of --data)")
  Path truth;

  @Option(
      names = "--labels",
      split = ",",
      description = "labels to check (default: every label of the truth file with an agg file)")
  List<String> labels;

  @Option(
      names = "--yes",
      defaultValue = "14",
      description = "\"yes\" answers taken from the session (default ${DEFAULT-VALUE})")
  int yes;

  @Option(
      names = "--no",
      defaultValue = "9",
      description = "\"no\" answers taken from the session (default ${DEFAULT-VALUE})")
  int no;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "where --data is imported (default: a temporary folder, deleted after)")
  Path work;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "results folder")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** One label's outcome; {@code skipped} says why there is none (else null). */
  record Outcome(
      String label,
      double trueRate,
      String skipped,
      double shownShare,
      double countedShare,
      double threshold,
      double estimatedRate,
      String method,
      List<String> advice) {
    boolean passes() {
      return skipped == null && within(shownShare) && within(countedShare);
    }

    /**
     * {@code pattern} filled with the label, the true rate, the share called "yes" counted and
     * shown, the estimate (percentages), its method and the verdict ("passes" or {@code fails}).
     */
    String format(String pattern, String fails) {
      return String.format(
          Locale.ROOT,
          pattern,
          label,
          100 * trueRate,
          100 * countedShare,
          100 * shownShare,
          100 * estimatedRate,
          method,
          passes() ? "passes" : fails);
    }

    private boolean within(double share) {
      return share > 0 && share < TIMES_TRUTH * trueRate + PLUS;
    }
  }

  @Override
  public Integer call() throws Exception {
    if (yes < 1 || no < 1) {
      throw new UserException("--yes and --no must be at least 1");
    }
    Path truthFile = truth != null ? truth : data.resolve(TruthTable.FILE);
    TruthTable table = TruthTable.read(truthFile);
    Path scratch = work != null ? work : Files.createTempDirectory("va-bench-session");
    List<Outcome> outcomes = new ArrayList<>();
    try (VaDataset dataset = VaDataset.open(data)) {
      List<String> chosen = chooseLabels(table, dataset, truthFile);
      Path corpus = scratch.resolve("corpus");
      VaImport.run(dataset, corpus, 50_000, true, null);
      try (ServerRuntime runtime = ServerRuntime.open(corpus, null)) {
        LoopApi api = new LoopApi(runtime.start("127.0.0.1", 0));
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (String label : chosen) {
          Outcome o = check(api, "session-" + run + "-" + label, label, dataset, table);
          outcomes.add(o);
          System.out.println(line(o));
        }
      }
    } finally {
      if (work == null) {
        FileTrees.deleteTree(scratch);
      }
    }
    write(outcomes, truthFile);
    return 0;
  }

  private List<String> chooseLabels(TruthTable table, VaDataset dataset, Path truthFile) {
    List<String> chosen = labels == null || labels.isEmpty() ? table.labels() : labels;
    List<String> out = new ArrayList<>();
    for (String l : chosen) {
      if (table.labelIndex(l) < 0) {
        throw new UserException(
            "--labels: '" + l + "' is not a column of " + truthFile + "; it has " + table.labels());
      }
      if (dataset.hasAgg(l)) {
        out.add(l);
      } else if (labels != null && !labels.isEmpty()) {
        throw new UserException("--labels: " + data + " has no agg/" + l + ".json");
      }
    }
    return out;
  }

  private Outcome check(
      LoopApi api, String serverLabel, String label, VaDataset dataset, TruthTable table)
      throws InterruptedException {
    double trueRate = table.rate(table.labelIndex(label));
    Map<String, Boolean> answers = new LinkedHashMap<>();
    int yesTaken = 0;
    int noTaken = 0;
    for (AggEntry e : dataset.agg(label)) {
      if (e.agg() && yesTaken < yes) {
        answers.put(e.key(), true);
        yesTaken++;
      } else if (!e.agg() && noTaken < no) {
        answers.put(e.key(), false);
        noTaken++;
      }
    }
    if (yesTaken < yes || noTaken < no) {
      String why = "the session has " + yesTaken + " yes and " + noTaken + " no";
      return new Outcome(
          label, trueRate, why, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, List.of());
    }
    api.createLabel(serverLabel);
    try {
      List<LoopApi.Offer> offers = new ArrayList<>();
      for (String key : answers.keySet()) {
        // the session's clips came from text search, as a new user's first page does
        offers.add(new LoopApi.Offer(key, Map.of("kind", "search", "query", label)));
      }
      api.annotate(serverLabel, offers, answers, "expert");
      JsonNode build = api.build(serverLabel, 0);
      JsonNode decision = build.path("quality").path("decision");
      JsonNode estimates = build.path("estimates");
      double threshold =
          estimates.path("threshold").asDouble(decision.path("threshold").asDouble());
      double shown =
          estimates.path("yesShare").isNumber()
              ? estimates.path("yesShare").asDouble()
              : decision.path("yesClips").asDouble() / decision.path("corpusClips").asDouble();
      Map<String, Float> scores =
          api.score(serverLabel, build.get("modelVersion").asInt(), table.keys());
      long called = scores.values().stream().filter(s -> s >= threshold).count();
      List<String> advice = new ArrayList<>();
      estimates.path("advice").forEach(w -> advice.add(w.asText()));
      JsonNode prevalence = estimates.path("prevalence");
      return new Outcome(
          label,
          trueRate,
          null,
          shown,
          called / (double) table.keys().size(),
          threshold,
          prevalence.path("value").asDouble(Double.NaN),
          prevalence.path("method").asText(null),
          advice);
    } finally {
      api.deleteLabel(serverLabel);
    }
  }

  private static String line(Outcome o) {
    return o.skipped() != null
        ? String.format("%s: skipped (%s)", o.label(), o.skipped())
        : o.format(
            "%s: true rate %.1f %%, called yes %.1f %% (shown %.1f %%), estimated %.1f %% (%s): %s",
            "FAILS");
  }

  private void write(List<Outcome> outcomes, Path truthFile) throws Exception {
    Files.createDirectories(out);
    ObjectNode root = Json.mapper().createObjectNode();
    ObjectNode settings = root.putObject("settings");
    settings.put(
        "command", "va " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
    settings.put("data", data.toString()).put("truth", truthFile.toString());
    settings.put("yes", yes).put("no", no);
    settings.put("check", "0 < share called yes < " + TIMES_TRUTH + " x true rate + " + PLUS);
    ObjectNode byLabel = root.putObject("labels");
    int checked = 0;
    int passed = 0;
    for (Outcome o : outcomes) {
      ObjectNode l = byLabel.putObject(o.label());
      l.put("true_rate", o.trueRate());
      if (o.skipped() != null) {
        l.put("skipped", o.skipped());
        continue;
      }
      checked++;
      passed += o.passes() ? 1 : 0;
      l.put("yes_share", o.countedShare()).put("shown_yes_share", o.shownShare());
      l.put("threshold", o.threshold()).put("estimated_rate", o.estimatedRate());
      l.put("method", o.method()).put("passes", o.passes());
      ArrayNode w = l.putArray("advice");
      o.advice().forEach(w::add);
    }
    root.putObject("summary").put("checked", checked).put("passed", passed);
    Json.mapper()
        .writerWithDefaultPrettyPrinter()
        .writeValue(out.resolve("session.json").toFile(), root);
    Files.writeString(
        out.resolve("session.md"), markdown(outcomes, settings), StandardCharsets.UTF_8);
    System.out.printf(
        "%d of %d labels pass; wrote %s and %s%n",
        passed, checked, out.resolve("session.json"), out.resolve("session.md"));
  }

  private String markdown(List<Outcome> outcomes, ObjectNode settings) {
    StringBuilder md = new StringBuilder();
    md.append("# The first build on a VA session's answers\n\n");
    md.append("Command: `").append(settings.get("command").asText()).append("`\n\n");
    md.append(
        String.format(
            "The first %d \"yes\" and %d \"no\" of each label's VA session, one build; check:"
                + " 0 < share called \"yes\" < 3 x true rate + 5 points.%n%n",
            yes, no));
    md.append("| label | true rate | called yes | shown | estimated (method) | check |\n");
    md.append("|---|---:|---:|---:|---:|---|\n");
    Map<Boolean, Integer> tally = new HashMap<>();
    for (Outcome o : outcomes) {
      if (o.skipped() != null) {
        md.append(
            String.format(
                "| %s | %.1f %% | – | – | – | skipped: %s |%n",
                o.label(), 100 * o.trueRate(), o.skipped()));
        continue;
      }
      tally.merge(o.passes(), 1, Integer::sum);
      md.append(o.format("| %s | %.1f %% | %.2f %% | %.2f %% | %.1f %% (%s) | %s |%n", "fails"));
    }
    md.append(
        String.format(
            "%n%d of %d labels pass.%n",
            tally.getOrDefault(true, 0),
            tally.getOrDefault(true, 0) + tally.getOrDefault(false, 0)));
    return md.toString();
  }
}

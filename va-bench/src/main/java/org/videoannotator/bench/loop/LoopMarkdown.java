package org.videoannotator.bench.loop;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * {@code loop.md}: the hold-out AP per policy and budget, the gain over {@code combined}, the
 * labels saved, the honest-numbers table (estimated against true prevalence) and the cost.
 */
final class LoopMarkdown {
  private final LoopResults r;
  private final LoopSummary summary;
  private final StringBuilder out = new StringBuilder();

  LoopMarkdown(LoopResults results, LoopSummary summary) {
    this.r = results;
    this.summary = summary;
  }

  /**
   * @param cadence how often the policies rebuild, in words
   */
  String render(String command, int serverErrors, String cadence) {
    line("# Does the loop help? (`va bench loop`)");
    line("");
    line("Command: `" + command + "`");
    line("");
    line(
        String.format(
            Locale.ROOT,
            "%d labels, %d seeds (%s), budgets %s; hold-out: 20 %% of the corpus,"
                + " never labelled; %s.",
            r.labels().size(),
            r.seeds().size(),
            r.seeds(),
            r.budgets(),
            cadence));
    if (serverErrors > 0) {
      line("");
      line(
          "The server answered 5xx "
              + serverErrors
              + " time(s) during the run; each request was sent again"
              + " (see the log).");
    }
    line("");
    apTable();
    if (summary.hasBaseline()) {
      gainTable();
      savedTable();
    }
    perLabelTable(summary.stepAtMost(200));
    honestTable(summary.stepAtMost(200));
    costTable();
    return out.toString();
  }

  private void apTable() {
    line("## Hold-out AP: median over labels of the mean over seeds");
    line("");
    header("policy", r.budgets().stream().map(b -> b + " labels").toList());
    for (String p : r.policies()) {
      StringBuilder row = new StringBuilder("| " + p);
      for (int i = 0; i < r.budgets().size(); i++) {
        row.append(" | ").append(f3(summary.medianAp(p, i)));
      }
      line(row + " |");
    }
    line("");
  }

  private void gainTable() {
    line("## Gain over `combined` in AP points: median over labels [95 % bootstrap interval]");
    line("");
    header("policy", r.budgets().stream().map(b -> b + " labels").toList());
    for (String p : r.policies()) {
      StringBuilder row = new StringBuilder("| " + p);
      for (int i = 0; i < r.budgets().size(); i++) {
        row.append(" | ").append(withCi(summary.gain(p, i), "%+.1f"));
      }
      line(row + " |");
    }
    line("");
  }

  private void savedTable() {
    List<Integer> at = List.of(200, 500).stream().filter(r.budgets()::contains).toList();
    if (at.isEmpty()) {
      return;
    }
    line(
        "## Labels saved: how many fewer labels than `combined` reach the AP `combined` has at that budget"
            + " (median over labels [95 % interval]; \"not reached\" = not within the budgets run)");
    line("");
    header("policy", at.stream().map(b -> "at " + b).toList());
    for (String p : r.policies()) {
      StringBuilder row = new StringBuilder("| " + p);
      for (int b : at) {
        row.append(" | ").append(withCi(summary.saved(p, b), "%+.0f"));
      }
      line(row + " |");
    }
    line("");
  }

  private void perLabelTable(int step) {
    line("## Hold-out AP per label at " + r.budgets().get(step) + " labels (mean over seeds)");
    line("");
    header("label (true rate)", r.policies());
    for (String label : r.labels()) {
      StringBuilder row =
          new StringBuilder(
              String.format(Locale.ROOT, "| %s (%.3f)", label, r.trueRates().get(label)));
      for (String p : r.policies()) {
        row.append(" | ").append(f3(r.ap(label, p, step)));
      }
      line(row + " |");
    }
    line("");
  }

  private void honestTable(int step) {
    String policy = r.policies().contains("default") ? "default" : r.policies().getFirst();
    line(
        "## What the server shows against the truth at "
            + r.budgets().get(step)
            + " labels, policy `"
            + policy
            + "` (mean over seeds)");
    line("");
    header(
        "label",
        List.of(
            "true rate",
            "estimated rate [interval]",
            "share called yes (scores)",
            "share called yes (build)",
            "threshold",
            "precision (hold-out)",
            "recall (hold-out)",
            "shown AP",
            "hold-out AP",
            "AP on random labels"));
    for (String label : r.labels()) {
      Spread est = r.spread(label, policy, step, Step::estimatedRate);
      double lo = r.spread(label, policy, step, Step::estimatedLow).mean();
      double hi = r.spread(label, policy, step, Step::estimatedHigh).mean();
      line(
          String.format(
              Locale.ROOT,
              "| %s | %.3f | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
              label,
              r.trueRates().get(label),
              Double.isNaN(est.mean())
                  ? "not given"
                  : f3(est.mean()) + " [" + f3(lo) + ", " + f3(hi) + "]",
              f3(mean(label, policy, step, Step::yesShare)),
              f3(mean(label, policy, step, Step::shownYesShare)),
              f3(mean(label, policy, step, Step::threshold)),
              f3(mean(label, policy, step, Step::decisionPrecision)),
              f3(mean(label, policy, step, Step::decisionRecall)),
              f3(mean(label, policy, step, Step::shownAp)),
              f3(mean(label, policy, step, Step::holdoutAp)),
              f3(mean(label, policy, step, Step::apOnRandom))));
    }
    line("");
  }

  private void costTable() {
    int last = r.budgets().size() - 1;
    line("## Cost at " + r.budgets().get(last) + " labels (mean over labels and seeds)");
    line("");
    header(
        "policy",
        List.of("builds", "build wall time, last (ms)", "all builds (s)", "hold-out skips"));
    for (String p : r.policies()) {
      double builds = 0;
      double ms = 0;
      double total = 0;
      double skips = 0;
      for (String label : r.labels()) {
        builds += mean(label, p, last, Step::builds);
        ms += mean(label, p, last, s -> s.buildMillis());
        total += mean(label, p, last, s -> s.buildMillisTotal());
        skips += mean(label, p, last, Step::skips);
      }
      int n = r.labels().size();
      line(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.0f | %.1f | %.1f |",
              p,
              builds / n,
              ms / n,
              total / n / 1000,
              skips / n));
    }
    line("");
  }

  private double mean(String label, String policy, int step, ToDoubleFunction<Step> f) {
    return r.spread(label, policy, step, f).mean();
  }

  private static String withCi(Spread s, String format) {
    if (Double.isNaN(s.mean())) {
      return "n/a";
    }
    if (Double.isInfinite(s.mean())) {
      return "not reached";
    }
    String v = String.format(Locale.ROOT, format, s.mean());
    if (s.ci() == null) {
      return v;
    }
    return v + " [" + bound(s.ci()[0], format) + ", " + bound(s.ci()[1], format) + "]";
  }

  private static String bound(double v, String format) {
    return Double.isInfinite(v)
        ? (v < 0 ? "not reached" : "inf")
        : String.format(Locale.ROOT, format, v);
  }

  private static String f3(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
  }

  private void header(String first, List<String> columns) {
    line("| " + first + " | " + String.join(" | ", columns) + " |");
    line("|---" + "|---:".repeat(columns.size()) + "|");
  }

  private void line(String s) {
    out.append(s).append('\n');
  }
}

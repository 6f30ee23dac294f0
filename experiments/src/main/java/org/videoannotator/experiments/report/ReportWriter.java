package org.videoannotator.experiments.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.videoannotator.core.UserException;
import org.videoannotator.experiments.exp1.Exp1Result;
import org.videoannotator.experiments.exp2.Exp2Result;
import org.videoannotator.experiments.report.Exp1Summary.Ap;
import org.videoannotator.experiments.report.Exp1Summary.Row;

/**
 * Writes the report of a replay into a folder: {@code report.md} (all tables), the tables as CSV,
 * and PNG plots (AP against the number of annotations per label, and the median over labels). Gains
 * are in AP points (x100), as the paper prints them.
 */
public final class ReportWriter {
  private final LabelGroups groups;

  public ReportWriter(LabelGroups groups) {
    this.groups = groups;
  }

  /** What was written. */
  public record Written(List<Path> files) {}

  public Written write(Exp1Result exp1, Map<String, Exp2Result> exp2, Path out) {
    Exp1Summary summary = Exp1Summary.of(exp1, groups);
    List<Path> files = new ArrayList<>();
    StringBuilder md =
        new StringBuilder(
            "# Replay report\n\nData: `"
                + exp1.settings().data()
                + "`; n = "
                + exp1.settings().ns()
                + "; "
                + exp1.labels().size()
                + " labels replayed, "
                + exp1.failed().size()
                + " could not be (no positive on a side of the split).\n\n");

    Table ap = apTable(summary);
    Table versus = versusTable(summary);
    Table byGroup = gainsByGroup(summary);
    md.append("## Median AP gain of VA by label group (AP points)\n\nVA minus CC (`")
        .append(Exp1Summary.CC)
        .append("`) and VA minus the best baseline at each n, median over the labels ")
        .append(
            "of the group that have VA and that baseline at n; `beats` is the share of those labels where VA's mean is higher.\n\n")
        .append(byGroup.markdown())
        .append('\n');
    md.append("## VA against the best baseline per label\n\n")
        .append(versus.markdown())
        .append('\n');
    md.append("## AP per label, method and n\n\n").append(ap.markdown()).append('\n');
    if (!exp1.failed().isEmpty()) {
      Table failed = new Table("label", "reason");
      exp1.failed().forEach(f -> failed.row(f.label(), f.reason()));
      md.append("## Labels not replayed\n\n").append(failed.markdown()).append('\n');
    }
    if (!exp2.isEmpty()) {
      Table lift = exp2Lift(exp1, exp2);
      md.append("## Experiment 2: lift of each process over VA (AP points)\n\n")
          .append("Best AP over the process's steps minus VA's best checkpoint AP.\n\n")
          .append(lift.markdown())
          .append('\n');
      files.add(writeText(out.resolve("exp2-lift.csv"), lift.csv()));
    }
    files.add(writeText(out.resolve("ap.csv"), ap.csv()));
    files.add(writeText(out.resolve("va-vs-baselines.csv"), versus.csv()));
    files.add(writeText(out.resolve("gains-by-group.csv"), byGroup.csv()));
    files.addAll(new Plots().write(exp1, summary, out.resolve("plots")));
    md.append("## Plots\n\n");
    for (Path p : files) {
      if (p.toString().endsWith(".png")) {
        md.append("![")
            .append(p.getFileName())
            .append("](plots/")
            .append(p.getFileName())
            .append(")\n");
      }
    }
    files.add(0, writeText(out.resolve("report.md"), md.toString()));
    return new Written(files);
  }

  private static Table apTable(Exp1Summary summary) {
    Table t = new Table("label", "group", "n", "method", "mean", "std", "n_train");
    for (Row r : summary.rows()) {
      for (var e : r.byMethod().entrySet()) {
        Ap a = e.getValue();
        t.row(
            r.label(),
            r.group(),
            r.n(),
            e.getKey(),
            Table.ap(a.mean()),
            Table.ap(a.std()),
            a.nTrain());
      }
    }
    return t;
  }

  private static Table versusTable(Exp1Summary summary) {
    Table t =
        new Table(
            "label",
            "group",
            "n",
            "VA",
            "best baseline",
            "its AP",
            "gain (points)",
            "beats",
            "significant");
    for (Row r : summary.rows()) {
      Ap va = r.byMethod().get(Exp1Summary.VA);
      String best = r.bestBaseline();
      if (va == null || best == null) {
        continue;
      }
      Ap b = r.byMethod().get(best);
      boolean beats = va.mean() > b.mean();
      boolean significant = va.mean() - va.std() > b.mean() + b.std();
      t.row(
          r.label(),
          r.group(),
          r.n(),
          Table.ap(va.mean()),
          best,
          Table.ap(b.mean()),
          Table.points(va.mean() - b.mean()),
          beats ? "yes" : "no",
          significant ? "yes" : "no");
    }
    return t;
  }

  private static Table gainsByGroup(Exp1Summary summary) {
    // group -> n -> gains
    Map<String, Map<Integer, List<Double>>> overCc = new TreeMap<>();
    Map<String, Map<Integer, List<Double>>> overBest = new TreeMap<>();
    for (Row r : summary.rows()) {
      Ap va = r.byMethod().get(Exp1Summary.VA);
      if (va == null) {
        continue;
      }
      Ap cc = r.byMethod().get(Exp1Summary.CC);
      String best = r.bestBaseline();
      for (String g : List.of(r.group(), "all labels")) {
        if (cc != null) {
          overCc
              .computeIfAbsent(g, k -> new TreeMap<>())
              .computeIfAbsent(r.n(), k -> new ArrayList<>())
              .add(va.mean() - cc.mean());
        }
        if (best != null) {
          overBest
              .computeIfAbsent(g, k -> new TreeMap<>())
              .computeIfAbsent(r.n(), k -> new ArrayList<>())
              .add(va.mean() - r.byMethod().get(best).mean());
        }
      }
    }
    Table t =
        new Table(
            "group",
            "n",
            "labels",
            "median gain over CC",
            "beats CC",
            "median gain over best baseline",
            "beats best");
    Map<String, Map<Integer, List<Double>>> keys = new LinkedHashMap<>(overBest);
    overCc.forEach(keys::putIfAbsent);
    for (var g : keys.entrySet()) {
      for (int n : g.getValue().keySet()) {
        List<Double> cc = overCc.getOrDefault(g.getKey(), Map.of()).getOrDefault(n, List.of());
        List<Double> best = overBest.getOrDefault(g.getKey(), Map.of()).getOrDefault(n, List.of());
        t.row(
            g.getKey(),
            n,
            Math.max(cc.size(), best.size()),
            Table.points(Medians.median(cc)),
            share(cc),
            Table.points(Medians.median(best)),
            share(best));
      }
    }
    return t;
  }

  private static String share(List<Double> gains) {
    if (gains.isEmpty()) {
      return "";
    }
    long wins = gains.stream().filter(g -> g > 0).count();
    return String.format(Locale.ROOT, "%d/%d", wins, gains.size());
  }

  private static Table exp2Lift(Exp1Result exp1, Map<String, Exp2Result> exp2) {
    Table t =
        new Table(
            "process", "label", "best step", "best AP", "VA best AP", "lift (points)", "stopped");
    Map<String, List<Double>> lifts = new LinkedHashMap<>();
    for (var run : exp2.entrySet()) {
      for (var e : run.getValue().labels().entrySet()) {
        var va =
            exp1.labels().get(e.getKey()) == null
                ? null
                : Exp1Summary.bestCheckpoint(exp1.labels().get(e.getKey()).checkpoints());
        Exp2Result.Step best = e.getValue().best();
        double lift = best == null || va == null ? Double.NaN : best.mean() - va.mean();
        if (!Double.isNaN(lift)) {
          lifts.computeIfAbsent(run.getKey(), k -> new ArrayList<>()).add(lift);
        }
        t.row(
            run.getKey(),
            e.getKey(),
            best == null ? "" : best.step(),
            best == null ? "" : Table.ap(best.mean()),
            va == null ? "" : Table.ap(va.mean()),
            Table.points(lift),
            e.getValue().failed() == null ? "" : e.getValue().failed());
      }
    }
    lifts.forEach(
        (process, values) ->
            t.row(process, "median", "", "", "", Table.points(Medians.median(values)), ""));
    return t;
  }

  static Path writeText(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UserException(file + ": cannot write (" + e.getMessage() + ")", e);
    }
  }
}

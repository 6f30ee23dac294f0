package org.videoannotator.experiments.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Settings;
import org.videoannotator.experiments.ResultFiles;
import org.videoannotator.experiments.exp1.Exp1Result;
import org.videoannotator.experiments.exp2.Exp2Result;
import org.videoannotator.experiments.report.LabelGroups;
import org.videoannotator.experiments.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code va replay report}: tables and plots of a replay. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write Markdown and CSV tables (AP per label, method and n; VA vs the best baseline; "
            + "median gains by label group; Experiment 2 lifts) and PNG plots of a replay.")
final class ReportCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ReportCommand.class);

  @Option(names = "--in", required = true, description = "JSON written by 'va replay exp1'.")
  Path in;

  @Option(
      names = "--exp2",
      split = ",",
      description = "JSON files written by 'va replay exp2' (one per process).")
  List<Path> exp2;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Override
  public Integer call() {
    Settings.log(LOG, "replay report", "in", in, "exp2", exp2, "out", out);
    Exp1Result exp1 = ResultFiles.read(in, Exp1Result.class);
    Map<String, Exp2Result> runs = new LinkedHashMap<>();
    if (exp2 != null) {
      for (Path p : exp2) {
        Exp2Result r = ResultFiles.read(p, Exp2Result.class);
        runs.put(r.settings().process(), r);
      }
    }
    var written = new ReportWriter(LabelGroups.paper()).write(exp1, runs, out);
    System.out.println(
        "wrote "
            + written.files().size()
            + " files under "
            + out
            + " (start with "
            + out.resolve("report.md")
            + ")");
    return 0;
  }
}

package org.videoannotator.bench.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.BenchSubcommand;
import org.videoannotator.core.Json;
import org.videoannotator.core.Settings;
import org.videoannotator.datasets.SyntheticVaGenerator;
import org.videoannotator.experiments.Exp1Comparison;
import org.videoannotator.experiments.ResultFiles;
import org.videoannotator.experiments.declared.Declaration;
import org.videoannotator.experiments.declared.GeneratedData;
import org.videoannotator.experiments.exp1.ComparisonSets;
import org.videoannotator.experiments.exp1.Exp1Result;
import org.videoannotator.experiments.exp1.Exp1Runner;
import org.videoannotator.experiments.protocol.ReplayData;
import org.videoannotator.experiments.protocol.Splits;
import org.videoannotator.experiments.protocol.ValidationBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code va bench replay}: Experiment 1 in Java against Netflix's reference package (the oracle,
 * driven by {@code reference_protocol.py}) on the same data: wall and CPU time of both and their
 * ratio, and how close the figures are. The reference is timed as it runs, balanced-accuracy twins
 * of every cell included. Without python3, its packages or the reference folder, prints the Java
 * figures only.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Time Experiment 1 (default: generated 30,000 shots x 512 dims x 8 labels, all n and methods) "
            + "against Netflix's reference package on the same data, and compare their figures.")
public final class BenchReplayCommand implements BenchSubcommand, Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(BenchReplayCommand.class);

  @Option(names = "--data", description = "Data set folder (default: generate one under --work).")
  Path data;

  @Option(
      names = "--shots",
      defaultValue = "30000",
      description = "Generated shots (default: ${DEFAULT-VALUE}).")
  int shots;

  @Option(
      names = "--dim",
      defaultValue = "512",
      description = "Generated dimension (default: ${DEFAULT-VALUE}).")
  int dim;

  @Option(
      names = "--label-count",
      defaultValue = "8",
      description = "Generated labels (default: ${DEFAULT-VALUE}).")
  int labelCount;

  @Option(names = "--labels", split = ",", description = "Labels to replay (default: all).")
  List<String> labels;

  @Option(
      names = "--ns",
      split = ",",
      defaultValue = "25,50,100,500,1000",
      description = "n values (default: ${DEFAULT-VALUE}).")
  List<Integer> ns;

  @Option(names = "--threads", description = "Java worker threads (default: all cores).")
  Integer threads;

  @Option(
      names = "--python",
      defaultValue = "/usr/bin/python3",
      description =
          "Python with Debian's scikit-learn, pandas, h5py, xgboost, tqdm (default: ${DEFAULT-VALUE}).")
  Path python;

  @Option(
      names = "--script",
      defaultValue = "experiments/src/test/python/reference_protocol.py",
      description =
          "The driver of the reference package (default: ${DEFAULT-VALUE}, from the repository root).")
  Path script;

  @Option(
      names = "--reference",
      defaultValue = "../shared/reference/netflix-videoannotator",
      description = "The reference videoannotator package folder (default: ${DEFAULT-VALUE}).")
  Path reference;

  @Option(names = "--no-python", description = "Time the Java replay only.")
  boolean noPython;

  @Option(
      names = "--work",
      description = "Folder for the generated data and both result files (default: temp dir).")
  Path work;

  @Option(names = "--out", description = "Also write the figures as JSON here.")
  Path out;

  @Option(
      names = "--va",
      defaultValue = "bin/va",
      description =
          "The launcher to time `va replay exp1` with as a whole process (default: ${DEFAULT-VALUE}, from the repository root).")
  Path launcher;

  @Option(
      names = "--rounds",
      defaultValue = "1",
      description =
          "Whole-process rounds, each the Java command then the reference (default: ${DEFAULT-VALUE}); medians are reported.")
  int rounds;

  @Override
  public Integer call() throws Exception {
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    Path workDir =
        work != null ? work : Path.of(System.getProperty("java.io.tmpdir"), "va-bench-replay");
    Files.createDirectories(workDir);
    Path dataDir = data;
    if (dataDir == null) {
      var spec =
          new Declaration.GeneratorSpec(
              0, shots, dim, SyntheticVaGenerator.Config.defaultLabels(labelCount));
      dataDir =
          GeneratedData.ensure(
              spec, workDir.resolve("data-" + shots + "x" + dim + "x" + labelCount));
    }
    Settings.log(
        LOG,
        "bench replay",
        "data",
        dataDir,
        "labels",
        labels,
        "ns",
        ns,
        "threads",
        workers,
        "python",
        noPython ? "no" : python,
        "work",
        workDir);
    Map<String, Object> figures = new LinkedHashMap<>();
    Path javaOut = workDir.resolve("java-exp1.json");
    Path javaSplits = workDir.resolve("java-splits.json");
    var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    List<String> resolved;
    try (ReplayData replay = ReplayData.open(dataDir)) {
      resolved = replay.resolveLabels(labels);
      var options =
          new Exp1Runner.Options(
              ns, ComparisonSets.METHODS, 0, ValidationBench.BOOTSTRAPS, workers);
      Exp1Result result = new Exp1Runner(options).run(replay, resolved);
      ResultFiles.write(javaOut, result);
      ResultFiles.write(javaSplits, Splits.validationKeys(replay, resolved, 0));
    }
    double javaWall = (System.nanoTime() - t0) / 1e9;
    double javaCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    figures.put("data", dataDir.toString());
    figures.put("labels", resolved);
    figures.put("java_wall_seconds", javaWall);
    figures.put("java_cpu_seconds", javaCpu);
    List<String> lines = new ArrayList<>();
    String javaLine =
        String.format(
            "java exp1  : wall %8.1f s   cpu %8.1f s   (%d threads, %d labels, n=%s)",
            javaWall, javaCpu, workers, resolved.size(), ns);
    Optional<PythonProtocol> py = noPython ? Optional.empty() : PythonProtocol.find(python, script);
    String nsList = ns.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("");
    List<String> common =
        List.of(
            "--data", dataDir.toString(), "--labels", String.join(",", resolved), "--ns", nsList);
    List<WholeProcess.Run> javaRuns = new ArrayList<>();
    List<PythonProtocol.Timing> pyRuns = new ArrayList<>();
    Path pyOut = workDir.resolve("python-exp1.json");
    Path javaProcessOut = workDir.resolve("java-exp1-process.json");
    boolean whole = Files.isExecutable(launcher);
    List<String> pyArgs = new ArrayList<>(common);
    pyArgs.addAll(
        List.of(
            "--reference",
            reference.toAbsolutePath().toString(),
            "--out",
            pyOut.toString(),
            "--with-balanced-accuracy"));
    // Alternating rounds: a loaded machine slows both sides alike within a round.
    for (int round = 0; round < Math.max(1, rounds); round++) {
      if (whole) {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString(), "replay", "exp1"));
        cmd.addAll(common);
        cmd.addAll(
            List.of("--threads", String.valueOf(workers), "--out", javaProcessOut.toString()));
        javaRuns.add(WholeProcess.run(cmd));
      }
      if (py.isPresent()) {
        pyRuns.add(py.get().run("exp1", pyArgs));
      }
    }
    double javaProcessWall =
        median(javaRuns.stream().mapToDouble(WholeProcess.Run::wallSeconds).toArray());
    double javaProcessCpu =
        median(javaRuns.stream().mapToDouble(WholeProcess.Run::cpuSeconds).toArray());
    double pyProcessWall =
        median(pyRuns.stream().mapToDouble(PythonProtocol.Timing::processWallSeconds).toArray());
    double pyProcessCpu =
        median(pyRuns.stream().mapToDouble(PythonProtocol.Timing::processCpuSeconds).toArray());
    double pyWall =
        median(pyRuns.stream().mapToDouble(PythonProtocol.Timing::wallSeconds).toArray());
    double pyCpu = median(pyRuns.stream().mapToDouble(PythonProtocol.Timing::cpuSeconds).toArray());
    String of = rounds > 1 ? " (median of " + rounds + " alternating rounds)" : "";
    lines.add("whole processes, as typed: start-up, imports and data loading included" + of);
    lines.add(
        whole
            ? String.format(
                "  %s replay exp1: wall %8.1f s   cpu %8.1f s",
                launcher, javaProcessWall, javaProcessCpu)
            : "  " + launcher + " missing: run from the repository root after bin/build");
    if (whole) {
      figures.put("java_process_wall_seconds", javaProcessWall);
      figures.put("java_process_cpu_seconds", javaProcessCpu);
      figures.put(
          "java_process_result_identical",
          ResultFiles.read(javaProcessOut).equals(ResultFiles.read(javaOut)));
    }
    if (py.isEmpty()) {
      lines.add(
          noPython
              ? "reference: skipped (--no-python)"
              : "reference: not run (" + python + " or " + script + " missing)");
      lines.add("in-process (after start-up):");
      lines.add("  " + javaLine);
    } else {
      Path pySplits = workDir.resolve("python-splits.json");
      List<String> splitArgs = new ArrayList<>(common.subList(0, 4));
      splitArgs.addAll(
          List.of(
              "--reference", reference.toAbsolutePath().toString(), "--out", pySplits.toString()));
      py.get().run("splits", splitArgs);
      lines.add(
          String.format(
              "  reference        : wall %8.1f s   cpu %8.1f s   (videoannotator package as published, VA_N_JOBS=2)",
              pyProcessWall, pyProcessCpu));
      if (whole) {
        lines.add(
            String.format(
                "  speed-up         : wall %.1fx   cpu %.1fx",
                pyProcessWall / javaProcessWall, pyProcessCpu / javaProcessCpu));
        for (int r = 0; r < javaRuns.size() && rounds > 1; r++) {
          WholeProcess.Run j = javaRuns.get(r);
          PythonProtocol.Timing p = pyRuns.get(r);
          lines.add(
              String.format(
                  "    round %d: java %.1f s (cpu %.1f s), reference %.1f s (cpu %.1f s):"
                      + " wall %.1fx, cpu %.1fx",
                  r + 1,
                  j.wallSeconds(),
                  j.cpuSeconds(),
                  p.processWallSeconds(),
                  p.processCpuSeconds(),
                  p.processWallSeconds() / j.wallSeconds(),
                  p.processCpuSeconds() / j.cpuSeconds()));
        }
      }
      lines.add(
          "in-process (after start-up; the reference after its imports, as its script measures):");
      lines.add("  " + javaLine);
      lines.add(String.format("  reference  : wall %8.1f s   cpu %8.1f s", pyWall, pyCpu));
      lines.add(
          String.format(
              "  speed-up   : wall %.1fx   cpu %.1fx", pyWall / javaWall, pyCpu / javaCpu));
      JsonNode js = ResultFiles.read(javaSplits);
      JsonNode ps = ResultFiles.read(pySplits);
      lines.add("splits identical: " + (js.equals(ps) ? "yes" : "NO"));
      Exp1Comparison cmp = Exp1Comparison.of(ResultFiles.read(pyOut), ResultFiles.read(javaOut));
      lines.addAll(cmp.describe());
      figures.put("python_process_wall_seconds", pyProcessWall);
      figures.put("python_process_cpu_seconds", pyProcessCpu);
      figures.put("python_wall_seconds", pyWall);
      figures.put("python_cpu_seconds", pyCpu);
      if (whole) {
        figures.put("speedup_process_wall", pyProcessWall / javaProcessWall);
        figures.put("speedup_process_cpu", pyProcessCpu / javaProcessCpu);
      }
      figures.put("speedup_wall", pyWall / javaWall);
      figures.put("speedup_cpu", pyCpu / javaCpu);
      figures.put("splits_identical", js.equals(ps));
      figures.put("comparison", Json.mapper().valueToTree(cmp));
    }
    lines.forEach(System.out::println);
    if (out != null) {
      ResultFiles.write(out, figures);
    }
    return 0;
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}

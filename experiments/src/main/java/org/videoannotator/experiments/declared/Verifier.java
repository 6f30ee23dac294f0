package org.videoannotator.experiments.declared;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.videoannotator.core.Json;
import org.videoannotator.experiments.exp1.ComparisonSets;
import org.videoannotator.experiments.exp1.Exp1Runner;
import org.videoannotator.experiments.exp2.Exp2Runner;
import org.videoannotator.experiments.exp2.Processes;
import org.videoannotator.experiments.protocol.ReplayData;
import org.videoannotator.experiments.protocol.ValidationBench;

/**
 * Runs a {@link Declaration} and checks every expected figure. Generated data sets are written
 * under a work folder (one sub-folder per declaration, reused when it already holds that spec).
 */
public final class Verifier {
  private final Path workDir;
  private final int threads;

  public Verifier(Path workDir, int threads) {
    this.workDir = workDir;
    this.threads = threads;
  }

  /**
   * The result of one verification.
   *
   * @param dataProblem why the data is not the declared data (null when it is); the figures are
   *     still checked, but their failures are then expected
   */
  public record Outcome(String dataProblem, List<FigureCheck> checks, double seconds) {
    public long failures() {
      return checks.stream().filter(c -> !c.ok()).count() + (dataProblem == null ? 0 : 1);
    }
  }

  /** The data folder of {@code d}: its path (relative to {@code base}) or a generated folder. */
  public Path dataFolder(Declaration d, Path base) {
    if (d.data().path() != null) {
      Path p = Path.of(d.data().path());
      return p.isAbsolute() || base == null ? p : base.resolve(p);
    }
    return workDir.resolve(d.name() + "-data");
  }

  public Outcome verify(Declaration d, Path base) {
    Path data = dataFolder(d, base);
    long started = System.nanoTime();
    if (d.data().generate() != null) {
      GeneratedData.ensure(d.data().generate(), data);
    }
    JsonNode result;
    String dataProblem = null;
    try (ReplayData replay = ReplayData.open(data)) {
      dataProblem = dataProblem(d, replay);
      result = run(d, replay);
    }
    List<FigureCheck> checks = new ArrayList<>();
    for (Declaration.ExpectedFigure f : d.expected()) {
      checks.add(FigureCheck.of(f, result));
    }
    return new Outcome(dataProblem, checks, (System.nanoTime() - started) / 1e9);
  }

  /** Why the data is not the data the figures were computed on, or null. */
  private static String dataProblem(Declaration d, ReplayData replay) {
    if (d.data().fingerprint() == null) {
      return null;
    }
    String actual = DataFingerprint.of(replay);
    if (actual.equals(d.data().fingerprint())) {
      return null;
    }
    return "data fingerprint "
        + actual
        + " differs from the declared "
        + d.data().fingerprint()
        + (d.data().generate() != null
            ? ": the generator no longer makes the data these figures were computed on; regenerate the"
                + " declaration (experiments/src/test/python/make_declarations.sh)"
            : ": the folder is not the data set these figures were computed on");
  }

  private JsonNode run(Declaration d, ReplayData replay) {
    Declaration.RunSettings s = d.settings();
    List<String> labels = replay.resolveLabels(s.labels());
    if (d.experiment().equals("exp1")) {
      var options =
          new Exp1Runner.Options(
              s.ns() == null ? Exp1Runner.DEFAULT_NS : s.ns(),
              s.methods() == null ? ComparisonSets.METHODS : s.methods(),
              s.seed() == null ? 0 : s.seed(),
              ValidationBench.BOOTSTRAPS,
              threads);
      return Json.mapper().valueToTree(new Exp1Runner(options).run(replay, labels));
    }
    var process = Processes.resolve(s.process(), Processes.Params.defaults());
    var options =
        new Exp2Runner.Options(
            process,
            s.steps() == null ? Exp2Runner.DEFAULT_STEPS : s.steps(),
            s.batch() == null ? Exp2Runner.DEFAULT_BATCH : s.batch(),
            s.seed() == null ? Exp2Runner.DEFAULT_SEED_BASE : s.seed(),
            threads);
    return Json.mapper().valueToTree(new Exp2Runner(options).run(replay, labels));
  }
}

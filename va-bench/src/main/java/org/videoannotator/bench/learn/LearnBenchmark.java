package org.videoannotator.bench.learn;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.videoannotator.core.vectors.DotProducts;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.learn.CorpusScorer;
import org.videoannotator.learn.Feeds;
import org.videoannotator.learn.LinearModel;
import org.videoannotator.learn.LogisticRegressionCv;
import org.videoannotator.learn.NumpyRandomState;
import org.videoannotator.learn.ParallelRows;
import org.videoannotator.learn.Selections;
import org.videoannotator.learn.feeds.FeedInput;
import org.videoannotator.learn.feeds.FeedRegistry;

/**
 * The build loop of the server, timed on a seeded synthetic corpus: stream the matrix once (the
 * memory baseline), score every row, CV-train on the labelled rows, select top-k and fill the four
 * feeds. Each timed step is repeated and the best time kept, so JIT warm-up does not count.
 */
public final class LearnBenchmark {
  /** Benchmark parameters. */
  public record Config(
      int rows,
      int dim,
      int labelled,
      int clusters,
      int feedSize,
      int repeats,
      int threads,
      long seed) {
    public Config {
      if (rows < 1
          || dim < 1
          || labelled < 10
          || labelled > rows
          || clusters < 1
          || feedSize < 1
          || repeats < 1
          || threads < 1) {
        throw new IllegalArgumentException(
            "bad benchmark configuration: rows="
                + rows
                + " dim="
                + dim
                + " labelled="
                + labelled
                + " clusters="
                + clusters
                + " feedSize="
                + feedSize
                + " repeats="
                + repeats
                + " threads="
                + threads);
      }
    }
  }

  /**
   * One measured step: best and median wall time over the repeats, and the process CPU time of the
   * best repeat (on a shared machine wall time includes waiting for a core; CPU time does not).
   */
  public record Timing(String step, double bestMs, double medianMs, double cpuMsOfBest) {}

  /** All figures of a run. */
  public record Report(
      Config config,
      String dotProducts,
      List<Timing> timings,
      double scoreToStreamRatio,
      double buildMs,
      double streamGbPerSecond,
      double chosenC,
      double cvMeanAp,
      int positives) {}

  private LearnBenchmark() {}

  /**
   * Generates a seeded clustered matrix: Gaussian cluster centres plus Gaussian noise, each row
   * scaled to unit length like a CLIP-style embedding; filled in parallel, same result for any
   * thread count.
   */
  public static FloatMatrix clusteredMatrix(
      int rows, int dim, int clusters, long seed, int threads) {
    SplittableRandom centreRandom = new SplittableRandom(seed);
    float[][] centres = new float[clusters][dim];
    for (float[] c : centres) {
      for (int j = 0; j < dim; j++) {
        c[j] = (float) centreRandom.nextGaussian();
      }
    }
    float[] data = new float[Math.multiplyExact(rows, dim)];
    int blocks = 64;
    ParallelRows.forEach(
        blocks,
        threads,
        (fromBlock, toBlock) -> {
          for (int b = fromBlock; b < toBlock; b++) {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + b);
            int from = (int) ((long) rows * b / blocks);
            int to = (int) ((long) rows * (b + 1) / blocks);
            for (int row = from; row < to; row++) {
              float[] c = centres[r.nextInt(clusters)];
              int base = row * dim;
              double norm2 = 0;
              for (int j = 0; j < dim; j++) {
                float v = c[j] + (float) r.nextGaussian();
                data[base + j] = v;
                norm2 += v * v;
              }
              // unit rows, as CLIP-style embeddings are
              float inv = (float) (1 / Math.sqrt(norm2));
              for (int j = 0; j < dim; j++) {
                data[base + j] *= inv;
              }
            }
          }
        });
    return FloatMatrix.ofHeap(data, rows, dim);
  }

  /** Runs the benchmark. */
  public static Report run(Config config) {
    return run(config, step -> {});
  }

  /** Runs the benchmark, calling {@code onStep} with each step's name as it starts. */
  public static Report run(Config config, Consumer<String> onStep) {
    onStep.accept("generate matrix");
    FloatMatrix matrix =
        clusteredMatrix(
            config.rows(), config.dim(), config.clusters(), config.seed(), config.threads());
    // labelled rows: a seeded sample; the label is a noisy linear concept so the task is learnable
    NumpyRandomState rng = new NumpyRandomState(config.seed());
    int[] rows = Arrays.copyOf(rng.permutation(config.rows()), config.labelled());
    SplittableRandom r = new SplittableRandom(config.seed() + 1);
    float[] concept = new float[config.dim()];
    for (int j = 0; j < concept.length; j++) {
      concept[j] = (float) r.nextGaussian();
    }
    float[] conceptScores =
        new CorpusScorer(DotProducts.best(), config.threads()).logits(matrix, concept, 0f);
    float[] sorted = conceptScores.clone();
    Arrays.sort(sorted);
    float cut = sorted[(int) (sorted.length * 0.7)];
    boolean[] y = new boolean[rows.length];
    int positives = 0;
    for (int i = 0; i < rows.length; i++) {
      y[i] = conceptScores[rows[i]] + r.nextGaussian() * 0.5 * Math.abs(cut) > cut;
      positives += y[i] ? 1 : 0;
    }
    BitSet labelled = new BitSet(config.rows());
    for (int row : rows) {
      labelled.set(row);
    }

    CorpusScorer scorer = new CorpusScorer(DotProducts.best(), config.threads());
    LogisticRegressionCv cv =
        new LogisticRegressionCv(
            LogisticRegressionCv.Options.defaults()
                .withThreads(config.threads())
                // the server's builds train with the fast gradient (BuildJob's options)
                .withPrecision(LogisticRegressionCv.Precision.FAST));
    List<Timing> timings = new ArrayList<>();
    Map<String, Object> sink = new LinkedHashMap<>();
    onStep.accept("stream");
    timings.add(
        time(
            "stream matrix (sum of floats)",
            config.repeats(),
            () -> sink.put("sum", scorer.streamSum(matrix))));
    LinearModel[] model = new LinearModel[1];
    onStep.accept("train");
    timings.add(
        time(
            "CV-train " + config.labelled() + " rows (5 folds x 10 C + refit)",
            config.repeats(),
            () -> model[0] = cv.fit(matrix, rows, y, "bench")));
    float[][] probs = new float[1][];
    onStep.accept("score");
    timings.add(
        time(
            "score all rows (probabilities)",
            config.repeats(),
            () -> probs[0] = scorer.probabilities(matrix, model[0])));
    onStep.accept("select");
    timings.add(
        time(
            "top-" + config.feedSize() + " selection",
            config.repeats(),
            () -> sink.put("top", Selections.top(probs[0], config.feedSize(), labelled::get))));
    onStep.accept("feeds");
    timings.add(
        time(
            "every feed of "
                + config.feedSize()
                + " ("
                + FeedRegistry.strategies().size()
                + " feeds)",
            config.repeats(),
            () ->
                sink.put(
                    "feeds",
                    Feeds.build(
                        new FeedInput(probs[0], matrix, Feeds.THRESHOLD, config.seed()),
                        labelled::get,
                        config.feedSize()))));
    double stream = timings.get(0).bestMs();
    double score = timings.get(2).bestMs();
    double build = timings.get(1).bestMs() + score + timings.get(4).bestMs();
    double gb = (double) config.rows() * config.dim() * Float.BYTES / 1e9;
    return new Report(
        config,
        DotProducts.best().name(),
        timings,
        score / stream,
        build,
        gb / (stream / 1000),
        model[0].c(),
        model[0].cvMean(),
        positives);
  }

  private static Timing time(String step, int repeats, Runnable work) {
    double[] ms = new double[repeats];
    double bestCpu = 0;
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < repeats; i++) {
      long cpu = processCpuNanos();
      long start = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - start) / 1e6;
      if (ms[i] < best) {
        best = ms[i];
        bestCpu = (processCpuNanos() - cpu) / 1e6;
      }
    }
    Arrays.sort(ms);
    return new Timing(step, ms[0], ms[repeats / 2], bestCpu);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /** The report as a printable table. */
  public static String table(Report report) {
    StringBuilder out = new StringBuilder();
    Config c = report.config();
    out.append(
        String.format(
            "va bench learn: %d x %d matrix, %d labelled (%d positive), %d threads, %s%n",
            c.rows(),
            c.dim(),
            c.labelled(),
            report.positives(),
            c.threads(),
            report.dotProducts()));
    out.append(
        String.format("%-48s %10s %10s %12s%n", "step", "best ms", "median ms", "cpu ms (best)"));
    for (Timing t : report.timings()) {
      out.append(
          String.format(
              "%-48s %10.1f %10.1f %12.1f%n", t.step(), t.bestMs(), t.medianMs(), t.cpuMsOfBest()));
    }
    out.append(
        String.format(
            "scoring / streaming ratio: %.2f (target <= 2); stream %.1f GB/s%n",
            report.scoreToStreamRatio(), report.streamGbPerSecond()));
    out.append(
        String.format(
            "build = train + score + feeds: %.1f ms (target well under 1000)%n", report.buildMs()));
    out.append(
        String.format(
            "chosen C %.4g, CV AP %.4f; load average %.1f on %d processors%n",
            report.chosenC(),
            report.cvMeanAp(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            Runtime.getRuntime().availableProcessors()));
    return out.toString();
  }
}

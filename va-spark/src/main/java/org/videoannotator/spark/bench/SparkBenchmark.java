package org.videoannotator.spark.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.videoannotator.core.Json;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.embed.ingest.IngestOptions;
import org.videoannotator.embed.ingest.IngestReport;
import org.videoannotator.embed.ingest.Ingester;
import org.videoannotator.embed.model.descriptor.DescriptorEmbedder;
import org.videoannotator.embed.video.synthetic.SyntheticScripts;
import org.videoannotator.embed.video.synthetic.SyntheticVideo;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.learn.CorpusScorer;
import org.videoannotator.learn.Feeds;
import org.videoannotator.learn.LinearModel;
import org.videoannotator.learn.ParallelRows;
import org.videoannotator.learn.Selections;
import org.videoannotator.learn.feeds.FeedInput;
import org.videoannotator.spark.SparkSessions;
import org.videoannotator.spark.ingest.SparkIngest;
import org.videoannotator.spark.parquet.ClipTable;
import org.videoannotator.spark.parquet.VectorColumn;
import org.videoannotator.spark.score.ScoreJob;

/**
 * {@code va bench spark}: the Spark jobs against the single-machine commands on the same work, in
 * one run. Ingest: rendered videos through {@code va ingest} (2 threads), then Spark in {@code
 * local[1]} and {@code local[2]}. Scoring: the same seeded rows as Parquet (for Spark) and as a raw
 * matrix (for the single-machine scorer, the server's), one random model. Prints figures and ratios
 * to the single-machine baseline; writes them as JSON.
 */
public final class SparkBenchmark {
  private static final long SEED = 20261204L;

  /** What to measure. */
  public record Settings(
      Path work,
      int videos,
      long rows,
      int dim,
      List<String> masters,
      List<VectorColumn> columns,
      int rounds,
      int warmUp) {}

  private final Settings settings;
  private final Map<String, Object> results = new LinkedHashMap<>();

  public SparkBenchmark(Settings settings) {
    this.settings = settings;
  }

  public Map<String, Object> run() throws Exception {
    Files.createDirectories(settings.work());
    results.put(
        "settings",
        Map.of(
            "videos",
            settings.videos(),
            "rows",
            settings.rows(),
            "dim",
            settings.dim(),
            "masters",
            settings.masters(),
            "columns",
            settings.columns().stream().map(String::valueOf).toList(),
            "rounds",
            settings.rounds(),
            "warmUp",
            settings.warmUp(),
            "cores",
            Runtime.getRuntime().availableProcessors(),
            "java",
            System.getProperty("java.version")));
    if (settings.videos() > 0) {
      ingest();
    }
    if (settings.rows() > 0) {
      score();
    }
    return results;
  }

  // ---------------------------------------------------------------- ingest

  private void ingest() throws IOException {
    Path videos = renderVideos();
    warmUp(videos);
    Map<String, Object> section = new LinkedHashMap<>();
    double base = timeSingleMachineIngest(videos, section);
    for (String master : settings.masters()) {
      Path corpus = fresh(settings.work().resolve("corpus-spark-" + master.replaceAll("\\W", "")));
      try (SparkSession spark = SparkSessions.start("bench", master);
          DescriptorEmbedder embedder = new DescriptorEmbedder();
          Corpus c =
              Corpus.open(
                  corpus, CorpusOptions.openOrCreate(embedder.info(), embedder.dimension()))) {
        long started = System.nanoTime();
        IngestReport report =
            new SparkIngest(
                    spark,
                    c,
                    new SparkIngest.Options(
                        DescriptorEmbedder.ID, null, IngestOptions.DEFAULT_SAMPLE_FPS, 1, null))
                .run(List.of(videos.toString()));
        double seconds = (System.nanoTime() - started) / 1e9;
        section.put("spark " + master, figures(report, seconds, base));
        print("ingest", "spark " + master, report, seconds, base);
      }
    }
    results.put("ingest", section);
  }

  /** One untimed ingest of one video, so the baseline does not pay for class loading and JIT. */
  private void warmUp(Path videos) throws IOException {
    Path corpus = fresh(settings.work().resolve("corpus-warm-up"));
    try (DescriptorEmbedder embedder = new DescriptorEmbedder();
        Corpus c =
            Corpus.open(
                corpus, CorpusOptions.openOrCreate(embedder.info(), embedder.dimension()))) {
      new Ingester(c, embedder, IngestOptions.defaults())
          .run(List.of(videos.resolve("bench-00.mp4")));
    }
  }

  private double timeSingleMachineIngest(Path videos, Map<String, Object> section)
      throws IOException {
    Path corpus = fresh(settings.work().resolve("corpus-single"));
    try (DescriptorEmbedder embedder = new DescriptorEmbedder();
        Corpus c =
            Corpus.open(
                corpus, CorpusOptions.openOrCreate(embedder.info(), embedder.dimension()))) {
      long started = System.nanoTime();
      IngestReport report =
          new Ingester(c, embedder, IngestOptions.defaults()).run(List.of(videos));
      double seconds = (System.nanoTime() - started) / 1e9;
      section.put("va ingest (2 threads)", figures(report, seconds, seconds));
      print("ingest", "va ingest (2 threads)", report, seconds, seconds);
      return seconds;
    }
  }

  private Path renderVideos() {
    Path dir = settings.work().resolve("videos-" + settings.videos());
    SyntheticVideo video = new SyntheticVideo(640, 360, 24, SyntheticVideo.Format.MP4_H264);
    for (int v = 0; v < settings.videos(); v++) {
      Path file = dir.resolve(String.format("bench-%02d.mp4", v));
      if (!Files.isRegularFile(file)) {
        video.render(SyntheticScripts.demo(SEED + v, 12, 24), file);
      }
    }
    return dir;
  }

  private static Map<String, Object> figures(IngestReport report, double seconds, double base) {
    long frames = report.files().stream().mapToLong(f -> f.frames()).sum();
    return Map.of(
        "seconds",
        round(seconds),
        "videos",
        report.count("ok"),
        "shots",
        report.shots(),
        "framesPerSecond",
        round(frames / seconds),
        "speedup",
        round(base / seconds));
  }

  private static void print(
      String what, String how, IngestReport report, double seconds, double base) {
    long frames = report.files().stream().mapToLong(f -> f.frames()).sum();
    System.out.printf(
        "%-7s %-24s %3d videos %5d shots %8.1f s %9.0f frames/s   x%.2f%n",
        what, how, report.count("ok"), report.shots(), seconds, frames / seconds, base / seconds);
  }

  // ---------------------------------------------------------------- scoring

  /**
   * Scoring, per master: both scorers warm up untimed, then {@code rounds} pairs run alternately
   * (single machine, then the Spark job on each vector column kind), so a change of the machine's
   * load falls on both sides of a pair. Each run is timed in wall and process CPU seconds. The
   * Spark session starts before the rounds (not timed, as the single machine's JVM start is not); a
   * job's own planning, task scheduling, output commit and feeds file are timed.
   */
  private void score() throws Exception {
    long rows = settings.rows();
    int dim = settings.dim();
    Path raw = settings.work().resolve("vectors-" + rows + "x" + dim + ".f32");
    LinearModel model = randomModel(dim);
    writeRaw(raw, rows, dim);
    int threads = ParallelRows.defaultThreads();
    String single = "single machine (" + threads + " threads)";
    List<Map<String, Object>> pairs = new ArrayList<>();
    Map<String, List<Double>> wallRatios = new LinkedHashMap<>();
    Map<String, List<Double>> cpuRatios = new LinkedHashMap<>();
    try (FloatMatrix all =
        FloatMatrix.map(raw, 0, Math.toIntExact(rows), dim, ByteOrder.LITTLE_ENDIAN)) {
      for (int run = 0; run < settings.warmUp(); run++) {
        singleMachineScore(all, model);
      }
    }
    for (String master : settings.masters()) {
      try (SparkSession spark = SparkSessions.start("bench", master)) {
        int cores = spark.sparkContext().defaultParallelism();
        TaskCpu taskCpu = TaskCpu.register(spark.sparkContext());
        Map<VectorColumn, Path> tables = new LinkedHashMap<>();
        for (VectorColumn column : settings.columns()) {
          Path table = parquetTable(rows, dim, column);
          writeParquet(spark, table, rows, dim, column);
          // Untimed: a job's first runs pay for class loading and for the JIT compiler (whose
          // threads are still busy through the next several jobs: Spark's scheduler, metrics and
          // Parquet footers keep being compiled), so the job runs --warm-up times over the whole
          // table first, as the single-machine scorer does.
          for (int run = 0; run < settings.warmUp(); run++) {
            scoreTable(spark, table, model, "warm-up");
          }
          tables.put(column, table);
        }
        // Both inputs enter the page cache the same way: read back from disk (see PageCache).
        PageCache.reload(raw);
        tables.values().forEach(PageCache::reload);
        results.put("cache", cacheNote(raw, tables.values()));
        for (int round = 1; round <= settings.rounds(); round++) {
          // The matrix is mapped afresh each run, as the Spark job reads its table afresh: both
          // read the rows from the page cache (a kept mapping would skip its page faults).
          Timed base =
              Timed.of(
                  () -> {
                    try (FloatMatrix matrix =
                        FloatMatrix.map(
                            raw, 0, Math.toIntExact(rows), dim, ByteOrder.LITTLE_ENDIAN)) {
                      singleMachineScore(matrix, model);
                    }
                  });
          Map<String, Object> pair = new LinkedHashMap<>();
          pair.put("round", round);
          pair.put(single, figures(base, rows, threads));
          printScore(round, single, rows, base, threads, null);
          for (var table : tables.entrySet()) {
            String how = "spark " + master + " " + table.getKey();
            long[] scored = new long[1];
            Timed job =
                Timed.of(
                    () -> scored[0] = scoreTable(spark, table.getValue(), model, how).rows(),
                    taskCpu);
            if (scored[0] != rows) {
              throw new IllegalStateException(
                  how + " scored " + scored[0] + " of " + rows + " rows");
            }
            double wallRatio =
                job.rowsPerCoreSecond(rows, cores) / base.rowsPerCoreSecond(rows, threads);
            double cpuRatio = job.rowsPerCpuSecond(rows) / base.rowsPerCpuSecond(rows);
            Map<String, Object> figures = figures(job, rows, cores);
            figures.put("perCoreRatioWall", round(wallRatio));
            figures.put("perCoreRatioCpu", round(cpuRatio));
            figures.put("parquetBytes", folderBytes(table.getValue()));
            pair.put(how, figures);
            wallRatios.computeIfAbsent(how, k -> new ArrayList<>()).add(wallRatio);
            cpuRatios.computeIfAbsent(how, k -> new ArrayList<>()).add(cpuRatio);
            printScore(round, how, rows, job, cores, new double[] {wallRatio, cpuRatio});
          }
          pairs.add(pair);
        }
      }
    }
    Map<String, Object> medians = new LinkedHashMap<>();
    for (String how : wallRatios.keySet()) {
      double wall = median(wallRatios.get(how));
      double cpu = median(cpuRatios.get(how));
      medians.put(how, Map.of("perCoreRatioWall", round(wall), "perCoreRatioCpu", round(cpu)));
      System.out.printf(
          "score   median of %d pairs  %-24s per core x%.2f (wall)   x%.2f (cpu)%n",
          wallRatios.get(how).size(), how, wall, cpu);
    }
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("pairs", pairs);
    section.put("medianPerCoreRatio", medians);
    results.put("score", section);
  }

  /**
   * Whether the inputs fit in memory together: when they do not, each run reads its input from disk
   * (the other side's run evicted it), and both sides are timed reading from disk; said on the
   * output, since it decides what the ratio measures.
   */
  private static Map<String, Object> cacheNote(Path raw, Iterable<Path> tables) throws IOException {
    long inputs = Files.size(raw);
    for (Path table : tables) {
      inputs += folderBytes(table);
    }
    long memory = PageCache.memoryBytes();
    boolean fits = memory > 0 && inputs < memory * 3 / 4;
    System.out.printf(
        "score   inputs %.1f GB (matrix and tables), memory %.1f GB: %s%n",
        inputs / 1e9,
        memory / 1e9,
        fits
            ? "both sides read their input from the page cache"
            : "the page cache cannot hold them together, so each run reads its input from disk");
    return Map.of("inputBytes", inputs, "memoryBytes", memory, "inputsFitInPageCache", fits);
  }

  private Path parquetTable(long rows, int dim, VectorColumn column) {
    return settings.work().resolve("vectors-" + rows + "x" + dim + "-" + column + ".parquet");
  }

  private static Map<String, Object> figures(Timed timed, long rows, int cores) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("rows", rows);
    figures.put("cores", cores);
    figures.put("seconds", round(timed.wallSeconds()));
    figures.put("cpuSeconds", round(timed.cpuSeconds()));
    figures.put("sparkTaskCpuSeconds", round(timed.taskCpuSeconds()));
    figures.put("rowsPerSecond", round(rows / timed.wallSeconds()));
    figures.put("rowsPerSecondPerCore", round(timed.rowsPerCoreSecond(rows, cores)));
    figures.put("rowsPerCpuSecond", round(timed.rowsPerCpuSecond(rows)));
    Map<String, Object> threads = new LinkedHashMap<>();
    timed.threads().forEach((kind, seconds) -> threads.put(kind, round(seconds)));
    figures.put("cpuSecondsByThread", threads);
    figures.put("diskReadBytes", timed.diskBytes());
    return figures;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private ScoreJob.Summary scoreTable(SparkSession spark, Path table, LinearModel model, String how)
      throws IOException {
    Path out = fresh(settings.work().resolve("scores-" + how.replaceAll("\\W", "")));
    return ScoreJob.run(
        spark,
        table.toString(),
        model,
        out.toString(),
        new ScoreJob.Options(Feeds.THRESHOLD, 100, 0));
  }

  private static void singleMachineScore(FloatMatrix matrix, LinearModel model) {
    float[] probabilities = new CorpusScorer().probabilities(matrix, model);
    // The paper's four feeds, as the Spark job fills them (no diverse variant there).
    Feeds.build(
        new FeedInput(probabilities, matrix, Feeds.THRESHOLD, 0),
        Selections.NONE,
        id -> id.equals("borderline-diverse") ? 0 : 100);
  }

  /** One run's line; {@code ratios} (wall, cpu) per core against the round's single machine. */
  private static void printScore(
      int round, String how, long rows, Timed timed, int cores, double[] ratios) {
    System.out.printf(
        "score   round %d %-28s %,11d rows %6.2f s %6.2f cpu-s (tasks %5.2f) %,10.0f rows/s/core %,10.0f rows/cpu-s%s%n",
        round,
        how,
        rows,
        timed.wallSeconds(),
        timed.cpuSeconds(),
        timed.taskCpuSeconds(),
        timed.rowsPerCoreSecond(rows, cores),
        timed.rowsPerCpuSecond(rows),
        ratios == null
            ? ""
            : String.format("   per core x%.2f (wall) x%.2f (cpu)", ratios[0], ratios[1]));
    StringBuilder threads = new StringBuilder();
    timed
        .threads()
        .forEach((kind, seconds) -> threads.append(String.format(" %s %.2f", kind, seconds)));
    System.out.printf(
        "score           cpu-s by thread:%s   read from disk %.1f GB%n",
        threads, timed.diskBytes() / 1e9);
  }

  private static LinearModel randomModel(int dim) {
    SplittableRandom random = new SplittableRandom(SEED);
    float[] weights = new float[dim];
    for (int i = 0; i < dim; i++) {
      weights[i] = (float) random.nextGaussian();
    }
    return new LinearModel(weights, -0.5, 1, null, null, 0, 0, 0, 0, null, null);
  }

  /** The rows as a little-endian float32 matrix, written by all cores; kept for the next run. */
  private static void writeRaw(Path raw, long rows, int dim) throws IOException {
    long bytes = rows * dim * Float.BYTES;
    if (Files.isRegularFile(raw) && Files.size(raw) == bytes) {
      return;
    }
    Path partial = raw.resolveSibling(raw.getFileName() + ".partial");
    try (FileChannel channel =
        FileChannel.open(
            partial,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ParallelRows.forEach(
          Math.toIntExact(rows),
          ParallelRows.defaultThreads(),
          (from, to) -> {
            float[] vector = new float[dim];
            ByteBuffer buffer =
                ByteBuffer.allocate(4096 * dim * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            try {
              for (long start = from; start < to; start += 4096) {
                long stop = Math.min(to, start + 4096);
                buffer.clear();
                for (long r = start; r < stop; r++) {
                  SyntheticVectors.fill(SEED, r, vector);
                  buffer.asFloatBuffer().position((int) (r - start) * dim).put(vector);
                }
                buffer.limit((int) (stop - start) * dim * Float.BYTES);
                long offset = start * dim * Float.BYTES;
                while (buffer.hasRemaining()) {
                  offset += channel.write(buffer, offset);
                }
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    Files.move(partial, raw, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * The same rows as a Parquet table (key, row, vector as {@code column}), written by Spark tasks;
   * kept for the next run.
   */
  private static void writeParquet(
      SparkSession spark, Path table, long rows, int dim, VectorColumn column) {
    if (Files.isRegularFile(table.resolve("_SUCCESS"))) {
      return;
    }
    StructType schema =
        new StructType()
            .add(ClipTable.ROW, DataTypes.LongType, false)
            .add(ClipTable.KEY, DataTypes.StringType, false)
            .add(ClipTable.VECTOR, column.type(), false);
    int parts = (int) Math.max(1, Math.min(4096, rows / 100_000));
    List<long[]> ranges = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      ranges.add(new long[] {rows * p / parts, rows * (p + 1) / parts});
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    var data =
        jsc.parallelize(ranges, parts)
            .flatMap(
                range ->
                    LongStream.range(range[0], range[1])
                        .mapToObj(
                            r -> {
                              float[] vector = new float[dim];
                              SyntheticVectors.fill(SEED, r, vector);
                              return (Row)
                                  RowFactory.create(
                                      r, SyntheticVectors.key(r), column.encode(vector));
                            })
                        .iterator());
    spark
        .createDataFrame(data, schema)
        .write()
        .mode(SaveMode.Overwrite)
        .options(column.writeOptions())
        .parquet(table.toString());
  }

  private static long folderBytes(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static Path fresh(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    return dir;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** Writes the figures as JSON. */
  public static void write(Map<String, Object> results, Path file) throws IOException {
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), results);
  }
}

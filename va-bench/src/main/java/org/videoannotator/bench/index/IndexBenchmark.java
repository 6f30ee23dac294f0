package org.videoannotator.bench.index;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.videoannotator.core.Progress;
import org.videoannotator.core.io.FileTrees;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.index.BenchQueries;
import org.videoannotator.index.Clip;
import org.videoannotator.index.ClipVector;
import org.videoannotator.index.ClusteredVectors;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.index.ExactSearch;
import org.videoannotator.index.SearchHit;
import org.videoannotator.index.SearchRequest;
import org.videoannotator.index.SearchResult;
import org.videoannotator.index.SearchSettings;
import org.videoannotator.index.VectorEngine;
import org.videoannotator.index.lucene.LuceneStoreSettings;
import org.videoannotator.index.store.StoreSpec;

/**
 * {@code va bench index}: builds HNSW indexes of seeded clustered vectors (and/or searches a real
 * corpus) and measures build time, heap, search latency and recall@k against exact search, over a
 * grid of M, beam width, candidates and k. Baselines measured in the same run: exact brute-force
 * search per query, and appending the same rows to an empty corpus.
 */
public final class IndexBenchmark {
  private static final EmbedderInfo SYNTHETIC = EmbedderInfo.of("bench-clustered", "1");

  /** The grid and data set of one run. */
  public record Config(
      int rows,
      int dim,
      int clusters,
      double spread,
      long seed,
      int queries,
      int batch,
      int appendRows,
      boolean optimize,
      List<Integer> ms,
      List<Integer> beams,
      List<Integer> ks,
      List<Integer> candidates,
      List<Double> factors,
      Path work,
      List<StoreSpec> stores,
      List<VectorEngine> engines,
      int textQueries,
      int byExampleQueries) {}

  /** One built index. */
  public record Build(
      String store,
      int m,
      int beam,
      int rows,
      int dim,
      double appendSeconds,
      double mergeSeconds,
      double buildSeconds,
      double buildCpuSeconds,
      long peakHeapMb,
      long maxHeapMb,
      int segments,
      int appendedRows,
      double appendToBuiltSeconds,
      double appendToEmptySeconds) {}

  /**
   * Search figures for one (index, query set, engine, k, candidates): recall@k averaged over the
   * queries, the worst query's, the share of queries under 0.5, and for a corpus's own clips the
   * share that came back first in their own results.
   */
  public record Search(
      String store,
      String data,
      String queries,
      String engine,
      int m,
      int beam,
      int k,
      int minCandidates,
      double factor,
      int count,
      double p50Ms,
      double p99Ms,
      double p50CpuMs,
      double p99CpuMs,
      double recall,
      double worstRecall,
      String worstQuery,
      double shareUnderHalf,
      double selfFirst,
      double medianBestCosine,
      double exactMsPerQuery) {}

  /** A query set with its exact top-k rows and the time the exact scan took per query. */
  private record Truth(BenchQueries set, int[][] rows, double exactMs, double medianBestCosine) {}

  /** Everything measured. */
  public record Report(Config config, List<Build> builds, List<Search> searches) {}

  private final Config config;
  private final PrintStream out;

  public IndexBenchmark(Config config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /** Runs the synthetic grid. */
  public Report runSynthetic() {
    float[][] heldOut =
        new ClusteredVectors(
                config.dim(), config.clusters(), config.spread(), config.seed(), config.seed() + 1)
            .next(config.queries());
    List<Build> builds = new ArrayList<>();
    List<Search> searches = new ArrayList<>();
    List<Truth> truths = null;
    for (StoreSpec store : config.stores()) {
      for (int m : config.ms()) {
        for (int beam : config.beams()) {
          CorpusOptions options =
              CorpusOptions.create(SYNTHETIC, config.dim())
                  .withStore(store)
                  .withStoreSettings(
                      Map.of(
                          LuceneStoreSettings.M,
                          Integer.toString(m),
                          LuceneStoreSettings.BEAM_WIDTH,
                          Integer.toString(beam)));
          Path dir =
              config
                  .work()
                  .resolve(
                      "bench-"
                          + store.describe().replaceAll("[^A-Za-z0-9=.-]", "_")
                          + "-m"
                          + m
                          + "-beam"
                          + beam);
          FileTrees.deleteTree(dir);
          try {
            Built built = build(dir, options, m, beam);
            Corpus corpus = built.corpus();
            try {
              if (truths == null) {
                FloatMatrix matrix = corpus.vectors().matrix();
                truths = new ArrayList<>();
                truths.add(truth(matrix, BenchQueries.heldOut(heldOut)));
                if (config.byExampleQueries() > 0) {
                  truths.add(
                      truth(
                          matrix,
                          BenchQueries.ofRows(matrix, config.byExampleQueries(), config.seed())));
                }
                if (config.textQueries() > 0) {
                  truths.add(
                      truth(
                          matrix,
                          BenchQueries.textGap(matrix, config.textQueries(), config.seed())));
                }
              }
              searches.addAll(measure("synthetic", corpus, m, beam, truths, dir));
              Build b = appendFigures(built, options, m, beam);
              builds.add(b);
              print(b);
            } finally {
              corpus.destroyStore();
            }
          } finally {
            FileTrees.deleteTree(dir);
          }
        }
      }
    }
    printRatios(builds, searches);
    return new Report(config, builds, searches);
  }

  /**
   * Measures search over an existing corpus: its own clips as query-by-example ({@code
   * byExampleQueries} of them, or {@code queries} when that is 0), its named queries (label text
   * embeddings) and synthetic text queries across a modality gap.
   */
  public Report runCorpus(Path corpusDir) {
    List<Search> searches = new ArrayList<>();
    try (Corpus corpus = Corpus.open(corpusDir, CorpusOptions.existing())) {
      FloatMatrix matrix = corpus.vectors().matrix();
      out.printf(
          "corpus %s: %d clips, %d segment(s)%n",
          corpusDir, corpus.size(), corpus.storeStats().segments());
      List<Truth> truths = new ArrayList<>();
      int byExample = config.byExampleQueries() > 0 ? config.byExampleQueries() : config.queries();
      truths.add(truth(matrix, BenchQueries.ofRows(matrix, byExample, config.seed())));
      if (!corpus.namedQueries().isEmpty()) {
        truths.add(truth(matrix, BenchQueries.named(corpus.namedQueries())));
      }
      if (config.textQueries() > 0) {
        truths.add(
            truth(matrix, BenchQueries.textGap(matrix, config.textQueries(), config.seed())));
      }
      searches.addAll(measure("corpus", corpus, -1, -1, truths, corpusDir));
    }
    return new Report(config, List.of(), searches);
  }

  /**
   * The exact top-k of a query set, and the median of each query's best cosine (the modality gap
   * shows there).
   */
  private Truth truth(FloatMatrix matrix, BenchQueries set) {
    long t0 = System.nanoTime();
    int[][] rows = exactTopK(matrix, set.queries(), maxK());
    double exactMs = (System.nanoTime() - t0) / 1e6 / set.size();
    double[] best = new double[set.size()];
    for (int q = 0; q < set.size(); q++) {
      best[q] =
          rows[q].length == 0 ? Double.NaN : ExactSearch.dot(matrix, rows[q][0], set.queries()[q]);
    }
    Arrays.sort(best);
    double median = percentile(best, 0.5);
    out.printf(
        "%s: %d queries, exact top-%d over %d rows %.1f ms/query (batched scan); best cosine min %.3f"
            + " median %.3f max %.3f%n",
        set.name(),
        set.size(),
        maxK(),
        matrix.rows(),
        exactMs,
        best[0],
        median,
        best[best.length - 1]);
    return new Truth(set, rows, exactMs, median);
  }

  private int maxK() {
    return config.ks().stream().max(Integer::compare).orElseThrow();
  }

  /** A freshly built corpus and what building it cost. */
  private record Built(
      Corpus corpus,
      double appendSeconds,
      double mergeSeconds,
      double cpuSeconds,
      long peakHeapMb) {}

  /** Each store's build throughput and latency against the first store's, measured in this run. */
  private void printRatios(List<Build> builds, List<Search> searches) {
    if (config.stores().size() < 2 || builds.isEmpty()) {
      return;
    }
    Build base = builds.getFirst();
    out.printf("against %s (same run, same vectors):%n", base.store());
    for (Build b : builds.subList(1, builds.size())) {
      out.printf(
          "  %s: build %.2fx the vectors/s (%.0f vs %.0f), peak heap %d vs %d MB%n",
          b.store(),
          base.buildSeconds() / b.buildSeconds(),
          b.rows() / b.buildSeconds(),
          base.rows() / base.buildSeconds(),
          b.peakHeapMb(),
          base.peakHeapMb());
    }
    for (Search s : searches) {
      if (s.store().equals(base.store())) {
        continue;
      }
      searches.stream()
          .filter(
              b ->
                  b.store().equals(base.store())
                      && b.k() == s.k()
                      && b.m() == s.m()
                      && b.queries().equals(s.queries())
                      && b.engine().contains("scan") == s.engine().contains("scan")
                      && b.beam() == s.beam()
                      && b.minCandidates() == s.minCandidates()
                      && b.factor() == s.factor())
          .findFirst()
          .ifPresent(
              b ->
                  out.printf(
                      "  %s %s %s k=%d: recall %.4f vs %.4f, p50 %.2f vs %.2f ms (%.2fx), p99 %.2f vs %.2f ms%n",
                      s.store(),
                      s.queries(),
                      s.engine(),
                      s.k(),
                      s.recall(),
                      b.recall(),
                      s.p50Ms(),
                      b.p50Ms(),
                      b.p50Ms() / s.p50Ms(),
                      s.p99Ms(),
                      b.p99Ms()));
    }
  }

  private Built build(Path dir, CorpusOptions options, int m, int beam) {
    ClusteredVectors data =
        new ClusteredVectors(
            config.dim(), config.clusters(), config.spread(), config.seed(), config.seed());
    resetPeakHeap();
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    Corpus corpus = Corpus.open(dir, options);
    try (Progress progress =
        Progress.start(
            "build " + options.store().describe() + " m=" + m + " beam=" + beam,
            config.rows(),
            "rows")) {
      for (int start = 0; start < config.rows(); start += config.batch()) {
        int n = Math.min(config.batch(), config.rows() - start);
        corpus.append(batch(data.next(n), start));
        progress.stepBy(n);
      }
    }
    long t1 = System.nanoTime();
    if (config.optimize()) {
      corpus.optimize();
    }
    long t2 = System.nanoTime();
    return new Built(
        corpus, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (processCpuNanos() - cpu0) / 1e9, peakHeapMb());
  }

  private Build appendFigures(Built built, CorpusOptions options, int m, int beam) {
    Corpus corpus = built.corpus();
    int segments = corpus.storeStats().segments();
    int n = config.appendRows();
    double toBuilt = 0;
    double toEmpty = 0;
    if (n > 0) {
      float[][] extra =
          new ClusteredVectors(
                  config.dim(),
                  config.clusters(),
                  config.spread(),
                  config.seed(),
                  config.seed() + 2)
              .next(n);
      List<ClipVector> rows = batch(extra, config.rows());
      long t0 = System.nanoTime();
      corpus.append(rows);
      toBuilt = (System.nanoTime() - t0) / 1e9;
      Path emptyDir = corpus.dir().resolveSibling(corpus.dir().getFileName() + "-empty");
      FileTrees.deleteTree(emptyDir);
      Corpus empty = Corpus.open(emptyDir, options);
      try {
        long t1 = System.nanoTime();
        empty.append(rows);
        toEmpty = (System.nanoTime() - t1) / 1e9;
      } finally {
        empty.destroyStore();
        FileTrees.deleteTree(emptyDir);
      }
    }
    return new Build(
        options.store().describe(),
        m,
        beam,
        config.rows(),
        config.dim(),
        built.appendSeconds(),
        built.mergeSeconds(),
        built.appendSeconds() + built.mergeSeconds(),
        built.cpuSeconds(),
        built.peakHeapMb(),
        Runtime.getRuntime().maxMemory() >> 20,
        segments,
        n,
        toBuilt,
        toEmpty);
  }

  private List<Search> measure(
      String data, Corpus built, int m, int beam, List<Truth> truths, Path dir) {
    List<Search> out = new ArrayList<>();
    for (int candidates : config.candidates()) {
      for (double factor : config.factors()) {
        // Candidates are a search-time setting: the same index, searched with another efSearch.
        SearchSettings searchSettings = new SearchSettings(candidates, factor);
        boolean same = SearchSettings.defaults().equals(searchSettings);
        try (Corpus other =
            same ? null : Corpus.open(dir, CorpusOptions.existing().withSearch(searchSettings))) {
          Corpus searched = same ? built : other;
          for (VectorEngine engine : config.engines()) {
            for (Truth truth : truths) {
              for (int k : config.ks()) {
                out.add(measureOne(data, searched, searchSettings, m, beam, k, engine, truth));
              }
            }
          }
        }
      }
    }
    return out;
  }

  private Search measureOne(
      String data,
      Corpus corpus,
      SearchSettings settings,
      int m,
      int beam,
      int k,
      VectorEngine engine,
      Truth truth) {
    float[][] queries = truth.set().queries();
    // Warm-up (JIT, page cache, the scan's int8 copy), not timed.
    for (int q = 0; q < Math.min(20, queries.length); q++) {
      corpus.search(SearchRequest.builder().vector(queries[q]).k(k).engine(engine).build());
    }
    double[] latencies = new double[queries.length];
    double[] cpu = new double[queries.length];
    double[] recalls = new double[queries.length];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int selfFirst = 0;
    String engineUsed = "";
    for (int q = 0; q < queries.length; q++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      SearchResult result =
          corpus.search(SearchRequest.builder().vector(queries[q]).k(k).engine(engine).build());
      latencies[q] = (System.nanoTime() - t0) / 1e6;
      cpu[q] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
      engineUsed = result.engine();
      Set<Integer> exact = new HashSet<>();
      int[] truthRows = truth.rows()[q];
      for (int i = 0; i < Math.min(k, truthRows.length); i++) {
        exact.add(truthRows[i]);
      }
      int found = 0;
      for (SearchHit hit : result.hits()) {
        found += exact.contains(corpus.rowOf(hit.key())) ? 1 : 0;
      }
      recalls[q] = exact.isEmpty() ? 1 : found / (double) exact.size();
      if (truth.set().selfRows() != null
          && !result.hits().isEmpty()
          && corpus.rowOf(result.hits().getFirst().key()) == truth.set().selfRows()[q]) {
        selfFirst++;
      }
    }
    int worst = 0;
    int underHalf = 0;
    double sum = 0;
    for (int q = 0; q < recalls.length; q++) {
      worst = recalls[q] < recalls[worst] ? q : worst;
      underHalf += recalls[q] < 0.5 ? 1 : 0;
      sum += recalls[q];
    }
    Arrays.sort(latencies);
    Arrays.sort(cpu);
    String store = corpus.manifest().store().describe();
    int n = queries.length;
    double selfShare = truth.set().selfRows() == null ? Double.NaN : selfFirst / (double) n;
    Search s =
        new Search(
            store,
            data,
            truth.set().name(),
            engineUsed,
            m,
            beam,
            k,
            settings.minCandidates(),
            settings.candidateFactor(),
            n,
            percentile(latencies, 0.50),
            percentile(latencies, 0.99),
            percentile(cpu, 0.50),
            percentile(cpu, 0.99),
            sum / n,
            recalls[worst],
            truth.set().labels().get(worst),
            underHalf / (double) n,
            selfShare,
            truth.medianBestCosine(),
            truth.exactMs());
    out.printf(
        "%s %-9s %-10s %-20s k=%-4d candidates=%-5d recall@%d=%.4f worst=%.2f (%s) under0.5=%.1f%%%s"
            + "  p50=%.2f ms  p99=%.2f ms  cpu p50=%.2f ms  (exact %.1f ms/query)%n",
        store,
        data,
        s.queries(),
        s.engine(),
        k,
        settings.candidatesFor(k),
        k,
        s.recall(),
        s.worstRecall(),
        s.worstQuery(),
        100 * s.shareUnderHalf(),
        Double.isNaN(selfShare) ? "" : String.format(" self-first=%d/%d", selfFirst, n),
        s.p50Ms(),
        s.p99Ms(),
        s.p50CpuMs(),
        s.exactMsPerQuery());
    return s;
  }

  private void print(Build b) {
    out.printf(
        "build %s m=%d beam=%d: %d x %d in %.1f s = %.0f vectors/s (append %.1f s + merge %.1f s; process cpu %.1f s),"
            + " peak heap %d MB of %d MB, %d segment(s); append %d rows: %.2f s to the built index"
            + " vs %.2f s to an empty one (ratio %.2f)%n",
        b.store(),
        b.m(),
        b.beam(),
        b.rows(),
        b.dim(),
        b.buildSeconds(),
        b.rows() / b.buildSeconds(),
        b.appendSeconds(),
        b.mergeSeconds(),
        b.buildCpuSeconds(),
        b.peakHeapMb(),
        b.maxHeapMb(),
        b.segments(),
        b.appendedRows(),
        b.appendToBuiltSeconds(),
        b.appendToEmptySeconds(),
        b.appendToEmptySeconds() > 0
            ? b.appendToBuiltSeconds() / b.appendToEmptySeconds()
            : Double.NaN);
  }

  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** Exact top-k, queries split across the available cores. */
  static int[][] exactTopK(FloatMatrix matrix, float[][] queries, int k) {
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), queries.length));
    int[][] out = new int[queries.length][];
    int per = (queries.length + threads - 1) / threads;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int from = t * per;
      int to = Math.min(queries.length, from + per);
      if (from >= to) {
        break;
      }
      workers.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    int[][] part =
                        ExactSearch.topK(matrix, Arrays.copyOfRange(queries, from, to), k);
                    System.arraycopy(part, 0, out, from, part.length);
                  }));
    }
    for (Thread w : workers) {
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return out;
  }

  private static List<ClipVector> batch(float[][] vectors, int firstRow) {
    List<ClipVector> out = new ArrayList<>(vectors.length);
    for (int i = 0; i < vectors.length; i++) {
      int row = firstRow + i;
      out.add(new ClipVector(Clip.of("r" + row, "v" + row / 1000), vectors[i]));
    }
    return out;
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  private static void resetPeakHeap() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peaks since the reset (an upper bound of the true peak). */
  private static long peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes >> 20;
  }
}

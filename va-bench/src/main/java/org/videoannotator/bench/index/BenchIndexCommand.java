package org.videoannotator.bench.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.bench.BenchOptions;
import org.videoannotator.core.BenchSubcommand;
import org.videoannotator.core.Settings;
import org.videoannotator.index.SearchSettings;
import org.videoannotator.index.VectorEngine;
import org.videoannotator.index.lucene.LuceneStoreSettings;
import org.videoannotator.index.store.StoreSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code va bench index}: HNSW build time, heap, latency and recall against exact search. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the HNSW index: build time, heap, latency and recall against exact search.",
      "",
      "Build corpora of N seeded clustered unit vectors for each M x beam width, and/or search a",
      "real corpus (--corpus, random clips as queries); print build time, peak heap, p50/p99",
      "search latency and recall@k against exact search for each k and candidate count, the",
      "exact-search baseline, and the time to append rows to the built index vs an empty one.",
      "Results are also written as JSON (--out)."
    })
public final class BenchIndexCommand implements BenchSubcommand, Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(BenchIndexCommand.class);

  @Option(
      names = "--rows",
      defaultValue = "100000",
      description = "Synthetic rows (default: ${DEFAULT-VALUE}; 0 = none).")
  int rows;

  @Option(
      names = "--dim",
      defaultValue = "512",
      description = "Dimension (default: ${DEFAULT-VALUE}).")
  int dim;

  @Option(
      names = "--clusters",
      defaultValue = "0",
      description =
          "Cluster centres (default: one per 500 rows, so that the exact top-100 of a query lies"
              + " in its own cluster rather than among near-orthogonal strangers).")
  int clusters;

  @Option(
      names = "--spread",
      defaultValue = "1.0",
      description = "Noise relative to centres (default: ${DEFAULT-VALUE}).")
  double spread;

  @Option(
      names = "--m",
      split = ",",
      defaultValue = "" + LuceneStoreSettings.DEFAULT_M,
      description = "HNSW M values (default: ${DEFAULT-VALUE}).")
  List<Integer> ms;

  @Option(
      names = "--beam",
      split = ",",
      defaultValue = "" + LuceneStoreSettings.DEFAULT_BEAM_WIDTH,
      description = "Beam widths (default: ${DEFAULT-VALUE}).")
  List<Integer> beams;

  @Option(
      names = "--k",
      split = ",",
      defaultValue = "10,100",
      description = "k values (default: ${DEFAULT-VALUE}).")
  List<Integer> ks;

  @Option(
      names = "--candidates",
      split = ",",
      defaultValue = "" + SearchSettings.DEFAULT_MIN_CANDIDATES,
      description = "Minimum HNSW candidates per search (default: ${DEFAULT-VALUE}).")
  List<Integer> candidates;

  @Option(
      names = "--factor",
      split = ",",
      defaultValue = "" + SearchSettings.DEFAULT_CANDIDATE_FACTOR,
      description = "Candidates per wanted hit (default: ${DEFAULT-VALUE}).")
  List<Double> factors;

  @Option(
      names = "--queries",
      defaultValue = "200",
      description =
          "Held-out by-example queries of the synthetic data, and the corpus's own clips searched"
              + " by example when --by-example is 0 (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(
      names = "--by-example",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Also search N of the clips themselves by example (every clip when N >= the rows),"
              + " counting those that come back first (default: ${DEFAULT-VALUE} = none for synthetic data,"
              + " --queries for a corpus).")
  int byExample;

  @Option(
      names = "--text-queries",
      defaultValue = "200",
      paramLabel = "N",
      description =
          "Synthetic text queries across a modality gap (mostly along one shared text direction,"
              + " partly along the clips they describe); a corpus's named queries are always measured too"
              + " (default: ${DEFAULT-VALUE}).")
  int textQueries;

  @Option(
      names = "--engine",
      split = ",",
      defaultValue = "graph,scan",
      paramLabel = "E[,E...]",
      description =
          "Vector engines to measure: graph (the store's HNSW), scan (int8 scan of every row),"
              + " auto (what searches use) (default: ${DEFAULT-VALUE}).")
  List<String> engines;

  @Option(
      names = "--batch",
      defaultValue = "50000",
      description = "Rows per append while building (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--append",
      defaultValue = "10000",
      description = "Rows appended to the built index (default: ${DEFAULT-VALUE}).")
  int append;

  @Option(
      names = "--no-optimize",
      negatable = false,
      description = "Keep the segments instead of merging into one.")
  boolean noOptimize;

  @Option(names = "--corpus", paramLabel = "C", description = "Also measure search on this corpus.")
  Path corpus;

  @Option(
      names = "--store",
      paramLabel = "KIND[:K=V,...]",
      defaultValue = "lucene",
      description =
          "Vector stores to build and search on the same vectors, in one run; repeat to compare"
              + " (e.g. --store lucene --store lucene:quantization=int8, or opensearch:url=http://...)."
              + " Ratios are against the first. Default: ${DEFAULT-VALUE}.")
  List<String> stores;

  @Mixin BenchOptions options;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (rows < 0
        || dim < 1
        || queries < 1
        || batch < 1
        || append < 0
        || byExample < 0
        || textQueries < 0
        || ks.stream().anyMatch(k -> k < 1)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--rows, --append, --by-example, --text-queries must be >= 0; --dim, --queries, --batch, --k must be >= 1");
    }
    List<VectorEngine> vectorEngines = new ArrayList<>();
    for (String e : engines) {
      try {
        vectorEngines.add(VectorEngine.valueOf(e.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException bad) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--engine " + e + " is not one of graph, scan, auto");
      }
    }
    int centres = clusters > 0 ? clusters : Math.max(1, rows / 500);
    try (BenchOptions.Scratch scratch = options.scratch("index")) {
      options.writeFigures(run(vectorEngines, centres, scratch.dir()));
    }
    return 0;
  }

  private List<IndexBenchmark.Report> run(
      List<VectorEngine> vectorEngines, int centres, Path workDir) {
    Settings.log(
        LOG,
        "bench index",
        "rows",
        rows,
        "dim",
        dim,
        "clusters",
        centres,
        "spread",
        spread,
        "m",
        ms,
        "beam",
        beams,
        "k",
        ks,
        "candidates",
        candidates,
        "factor",
        factors,
        "queries",
        queries,
        "batch",
        batch,
        "append",
        append,
        "engines",
        vectorEngines,
        "textQueries",
        textQueries,
        "byExample",
        byExample,
        "optimize",
        !noOptimize,
        "seed",
        options.seed(),
        "corpus",
        corpus,
        "work",
        workDir,
        "stores",
        stores,
        "out",
        options.out(),
        "cores",
        Runtime.getRuntime().availableProcessors(),
        "maxHeapMb",
        Runtime.getRuntime().maxMemory() >> 20);
    IndexBenchmark.Config config =
        new IndexBenchmark.Config(
            rows,
            dim,
            centres,
            spread,
            options.seed(),
            queries,
            batch,
            append,
            !noOptimize,
            ms,
            beams,
            ks,
            candidates,
            factors,
            workDir,
            stores.stream().map(StoreSpec::parseKindAndParams).toList(),
            vectorEngines,
            textQueries,
            byExample);
    IndexBenchmark bench = new IndexBenchmark(config, System.out);
    List<IndexBenchmark.Report> reports = new ArrayList<>();
    if (rows > 0) {
      reports.add(bench.runSynthetic());
    }
    if (corpus != null) {
      reports.add(bench.runCorpus(corpus));
    }
    return reports;
  }
}

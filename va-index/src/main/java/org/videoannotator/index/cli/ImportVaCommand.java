package org.videoannotator.index.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Settings;
import org.videoannotator.core.VaSubcommand;
import org.videoannotator.datasets.VaDataset;
import org.videoannotator.index.VaImport;
import org.videoannotator.index.lucene.LuceneStoreSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code va import-va DIR --corpus C}: a corpus from a released-layout data set. */
@Command(
    name = "import-va",
    mixinStandardHelpOptions = true,
    description = {
      "Build or extend a corpus from released-layout Video Annotator data.",
      "",
      "Build or extend a corpus from a data set in the released Video Annotator layout:",
      "every shot with its embedding (embedder 'va-released-clip4clip'), desc as searchable text,",
      "cluster_index as cluster, and each label's text embedding as a named query.",
      "Shots already in the corpus are skipped, so an interrupted import can be re-run."
    })
public final class ImportVaCommand implements VaSubcommand, Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ImportVaCommand.class);

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "Folder with shot-data.csv and embeddings.h5.")
  Path dataset;

  @Option(
      names = "--corpus",
      required = true,
      paramLabel = "C",
      description = "Corpus folder (created when absent).")
  Path corpus;

  @Option(
      names = "--batch",
      defaultValue = "50000",
      description = "Shots per durable commit (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--no-optimize",
      negatable = false,
      description =
          "Do not merge the index into one segment at the end (faster import, slower search).")
  boolean noOptimize;

  @CommandLine.Mixin StoreOptions store = new StoreOptions();

  @Option(
      names = "--m",
      description =
          "HNSW M of the graph this import builds (the store's setting m; lucene's"
              + " default: "
              + LuceneStoreSettings.DEFAULT_M
              + ").")
  Integer m;

  @Option(
      names = "--beam",
      description =
          "HNSW beam width of the graph this import builds (the store's setting"
              + " beam-width; lucene's default: "
              + LuceneStoreSettings.DEFAULT_BEAM_WIDTH
              + ").")
  Integer beam;

  @Override
  public Integer call() {
    Settings.log(
        LOG,
        "import-va",
        "dataset",
        dataset,
        "corpus",
        corpus,
        "batch",
        batch,
        "optimize",
        !noOptimize,
        "m",
        m,
        "beam",
        beam);
    long started = System.nanoTime();
    try (VaDataset data = VaDataset.open(dataset)) {
      Map<String, String> graph = new TreeMap<>();
      if (m != null) {
        graph.put(LuceneStoreSettings.M, m.toString());
      }
      if (beam != null) {
        graph.put(LuceneStoreSettings.BEAM_WIDTH, beam.toString());
      }
      VaImport.Summary s = VaImport.run(data, corpus, batch, !noOptimize, store.spec(), graph);
      System.out.printf(
          "imported %s into %s: %d shots, %d appended, %d already present, %d named queries;"
              + " corpus holds %d clips in %d index segment(s); %.1f s%n",
          dataset,
          corpus,
          s.shots(),
          s.appended(),
          s.skipped(),
          s.namedQueries(),
          s.corpusSize(),
          s.segments(),
          (System.nanoTime() - started) / 1e9);
    }
    return 0;
  }
}

package org.videoannotator.embed.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Settings;
import org.videoannotator.core.UserException;
import org.videoannotator.core.VaSubcommand;
import org.videoannotator.embed.precomputed.PrecomputedImporter;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusOptions;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.index.cli.StoreOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code va import-vectors}: the precomputed embedder. */
@Command(
    name = "import-vectors",
    mixinStandardHelpOptions = true,
    description = {
      "Append precomputed vectors (.npy, .h5, .csv) to a corpus.",
      "",
      "Append vectors made elsewhere to a corpus (created if absent): .npy",
      "(2-D float32/float64), .h5 (a 2-D dataset) or .csv (key,v1,...,vd),",
      "with clip metadata from --clips (a CSV with a 'key' column, or a .txt",
      "of keys) in row order. Keys already present are skipped."
    })
public final class ImportVectorsCommand implements VaSubcommand, Callable<Integer> {
  @CommandLine.Mixin StoreOptions store = new StoreOptions();

  private static final Logger LOG = LoggerFactory.getLogger(ImportVectorsCommand.class);

  @Parameters(paramLabel = "VECTORS", description = "The .npy, .h5 or .csv file.")
  Path vectors;

  @Option(names = "--corpus", required = true, paramLabel = "C", description = "Corpus folder.")
  Path corpus;

  @Option(
      names = "--clips",
      paramLabel = "FILE",
      description = "Clip metadata (CSV with 'key') or keys (.txt).")
  Path clips;

  @Option(
      names = "--dataset",
      defaultValue = PrecomputedImporter.DEFAULT_DATASET,
      description = "HDF5 dataset path (default: ${DEFAULT-VALUE}).")
  String dataset;

  @Option(
      names = "--embedder-id",
      defaultValue = PrecomputedImporter.ID,
      description =
          "Name recorded for the model that made the vectors (default: ${DEFAULT-VALUE}).")
  String embedderId;

  @Option(
      names = "--embedder-version",
      defaultValue = "1",
      description = "Its version (default: ${DEFAULT-VALUE}); later imports must repeat both.")
  String embedderVersion;

  @Override
  public Integer call() throws Exception {
    Settings.log(
        LOG,
        "va import-vectors",
        "vectors",
        vectors,
        "corpus",
        corpus,
        "clips",
        clips,
        "dataset",
        dataset,
        "embedderId",
        embedderId,
        "embedderVersion",
        embedderVersion);
    for (Path p : clips == null ? List.of(vectors) : List.of(vectors, clips)) {
      if (!Files.isRegularFile(p)) {
        throw new UserException(p + " does not exist or is not a file");
      }
    }
    EmbedderInfo info = PrecomputedImporter.info(embedderId, embedderVersion);
    int dim = PrecomputedImporter.dimension(vectors, dataset);
    try (Corpus c =
        Corpus.open(corpus, CorpusOptions.openOrCreate(info, dim).withStore(store.spec()))) {
      var result = PrecomputedImporter.importInto(c, vectors, Optional.ofNullable(clips), dataset);
      System.out.printf(
          "%d vectors read, %d appended, %d skipped (already present); corpus holds %d%n",
          result.rows(), result.appended(), result.skipped(), c.size());
    }
    return 0;
  }
}

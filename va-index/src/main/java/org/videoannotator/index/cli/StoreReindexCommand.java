package org.videoannotator.index.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.videoannotator.core.VaSubcommand;
import org.videoannotator.index.StoreMaintenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code va store reindex}: rebuilds a corpus's store copy from its folder, on request only. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the corpus's vector store copy (e.g. an OpenSearch index that was deleted) from the",
      "corpus folder, which holds every clip and vector. Opening a corpus never does this by itself:",
      "a missing OpenSearch index is reported (HTTP 503 store-unavailable in va serve) until this runs.",
      "Rows the store still holds are kept; only missing ones are sent."
    })
public final class StoreReindexCommand implements VaSubcommand, Callable<Integer> {
  @Option(names = "--corpus", required = true, paramLabel = "C", description = "Corpus folder.")
  Path corpus;

  @Override
  public String group() {
    return "store";
  }

  @Override
  public Integer call() {
    long rows = StoreMaintenance.reindex(corpus);
    System.out.printf("corpus %s: the store holds all %d clips%n", corpus, rows);
    return 0;
  }
}

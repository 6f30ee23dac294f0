package org.videoannotator.index.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.videoannotator.core.VaSubcommand;
import org.videoannotator.index.StoreMaintenance;
import org.videoannotator.index.store.StoreSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code va store move}: re-indexes a corpus into another vector store and records it. */
@Command(
    name = "move",
    mixinStandardHelpOptions = true,
    description = {
      "Move a corpus to another vector store: every clip is indexed into the new store from the",
      "corpus folder, then the manifest names it. The old store's copy is left as it was (delete it",
      "once the corpus works from the new one). Example:",
      "  va store move --corpus C --to opensearch:url=http://127.0.0.1:9200,index=my-corpus"
    })
public final class StoreMoveCommand implements VaSubcommand, Callable<Integer> {
  @Option(names = "--corpus", required = true, paramLabel = "C", description = "Corpus folder.")
  Path corpus;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "KIND[:K=V,...]",
      description =
          "The new store, as --store takes it: lucene, lucene:graph=none, opensearch:url=http://host:9200,...")
  String to;

  @Option(
      names = "--store-param",
      paramLabel = "KEY=VALUE",
      description = "More settings of the new store, repeatable.")
  List<String> params = new ArrayList<>();

  @Override
  public String group() {
    return "store";
  }

  @Override
  public Integer call() {
    StoreSpec spec = StoreSpec.parseKindAndParams(to, params);
    StoreMaintenance.move(corpus, spec);
    System.out.printf("corpus %s now keeps its vectors in %s%n", corpus, to);
    return 0;
  }
}

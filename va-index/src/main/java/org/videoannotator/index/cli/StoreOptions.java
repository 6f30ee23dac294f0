package org.videoannotator.index.cli;

import java.util.ArrayList;
import java.util.List;
import org.videoannotator.index.store.StoreSpec;
import picocli.CommandLine.Option;

/**
 * {@code --store KIND --store-param KEY=VALUE...}: which vector store a new corpus uses (recorded
 * in its manifest; an existing corpus keeps its own). A picocli mixin for every command that
 * creates corpora.
 */
public final class StoreOptions {
  @Option(names = "--store", paramLabel = "KIND", defaultValue = StoreSpec.LUCENE,
      description = "Vector store of a new corpus: lucene (in the corpus folder) or opensearch"
          + " (default: ${DEFAULT-VALUE}).")
  String kind;

  @Option(names = "--store-param", paramLabel = "KEY=VALUE",
      description = "A store setting, repeatable: lucene quantization=int8; opensearch url=..., index=...,"
          + " shards=..., replicas=..., user=..., password-env=VAR (passwords never on the command line).")
  List<String> params = new ArrayList<>();

  public StoreSpec spec() {
    return StoreSpec.parse(kind, params);
  }
}

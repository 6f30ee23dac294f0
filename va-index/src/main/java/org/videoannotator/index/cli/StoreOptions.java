package org.videoannotator.index.cli;

import java.util.ArrayList;
import java.util.List;
import org.videoannotator.core.UserException;
import org.videoannotator.index.store.StoreSpec;
import picocli.CommandLine.Option;

/**
 * {@code --store KIND[:KEY=VALUE,...] --store-param KEY=VALUE...}: which vector store a new corpus
 * uses (recorded in its manifest). For an existing corpus the store must be left out or be the one
 * it has: another is refused, pointing at {@code va store move}. A picocli mixin for every command
 * that creates corpora.
 */
public final class StoreOptions {
  @Option(
      names = "--store",
      paramLabel = "KIND[:K=V,...]",
      description =
          "Vector store of a new corpus: lucene (in the corpus folder; graph=none keeps no graph, the"
              + " int8 scan answers) or opensearch:url=http://host:9200 (several nodes: url=http://a:9200;http://b:9200)."
              + " Default: lucene. An existing corpus keeps its own: to change it, va store move.")
  String kind;

  @Option(
      names = "--store-param",
      paramLabel = "KEY=VALUE",
      description =
          "A store setting, repeatable (or inline in --store): lucene quantization=int8, graph=none;"
              + " opensearch url=..., index=..., shards=..., replicas=..., user=..., password-env=VAR or"
              + " password-file=FILE (passwords never on the command line), wait-seconds=120 (writes and imports"
              + " retry a busy or unreachable cluster this long), search-wait-seconds=5 (interactive searches).")
  List<String> params = new ArrayList<>();

  /** The store asked for, or null when neither option was given (a new corpus then uses lucene). */
  public StoreSpec spec() {
    if (kind == null) {
      if (!params.isEmpty()) {
        throw new UserException(
            "--store-param " + params.getFirst() + " needs --store KIND (e.g. --store opensearch)");
      }
      return null;
    }
    return StoreSpec.parseKindAndParams(kind, params);
  }
}

package org.videoannotator.embed.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.videoannotator.core.UserException;
import org.videoannotator.index.Corpus;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.index.CorpusOptions;

/** The embedders on the class path ({@link EmbedderProvider}s found by ServiceLoader), by id. */
public final class Embedders {
  private Embedders() {}

  private static Map<String, EmbedderProvider> providers() {
    Map<String, EmbedderProvider> byId = new TreeMap<>();
    for (EmbedderProvider p : ServiceLoader.load(EmbedderProvider.class)) {
      byId.put(p.id(), p);
    }
    return byId;
  }

  /** The ids {@link #create} knows, sorted. */
  public static List<String> ids() {
    return List.copyOf(providers().keySet());
  }

  /**
   * The embedder {@code id}, loading its model from {@code modelDir} when it has one.
   *
   * @throws UserException for an unknown id or a missing or malformed model folder
   */
  public static Embedder create(String id, Path modelDir) {
    return provider(id).create(modelDir);
  }

  /**
   * The id of the embedder an existing corpus was made with (empty when there is no corpus yet).
   */
  public static Optional<String> ofCorpus(Path corpus) {
    if (!Files.isRegularFile(CorpusLayout.of(corpus).manifest())) {
      return Optional.empty();
    }
    try (Corpus c = Corpus.open(corpus, CorpusOptions.existing())) {
      return Optional.of(c.embedder().id());
    }
  }

  /** Whether {@code id} needs a model folder. */
  public static boolean needsModel(String id) {
    return provider(id).needsModel();
  }

  private static EmbedderProvider provider(String id) {
    if (id.equals("precomputed")) {
      throw new UserException(
          "'precomputed' vectors are not computed at ingest: import them with"
              + " 'va import-vectors VECTORS --corpus C'");
    }
    EmbedderProvider p = providers().get(id);
    if (p == null) {
      throw new UserException("unknown embedder '" + id + "'; choose one of " + ids());
    }
    return p;
  }
}

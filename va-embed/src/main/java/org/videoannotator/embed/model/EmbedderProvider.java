package org.videoannotator.embed.model;

import java.nio.file.Path;

/**
 * Makes one kind of {@link Embedder}. Found through {@link java.util.ServiceLoader} like the {@code
 * va} subcommands: a new embedder is its class, a provider like this one, and one line in {@code
 * META-INF/services/org.videoannotator.embed.model.EmbedderProvider}; {@code va ingest --embedder
 * ID} and the server's text search then find it by id.
 */
public interface EmbedderProvider {
  /** The id written into corpus manifests, e.g. {@code descriptor}, {@code clip}. */
  String id();

  /** Whether the embedder loads a model folder ({@code --model DIR}). */
  boolean needsModel();

  /**
   * A new embedder.
   *
   * @param modelDir its model folder when {@link #needsModel()}, else ignored (may be null)
   * @throws org.videoannotator.core.UserException for a missing or malformed model folder
   */
  Embedder create(Path modelDir);
}

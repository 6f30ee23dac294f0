package org.videoannotator.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;
import org.videoannotator.core.io.AtomicFiles;
import org.videoannotator.index.store.StoreSpec;

/**
 * The corpus's {@code manifest.json}: what the vectors are and how many rows are durable. Rows at
 * or beyond {@link #count()} in the data files are the tail of an unfinished append and are ignored
 * by readers (and cut off by the next writer).
 *
 * @param formatVersion the corpus layout version ({@link #FORMAT_VERSION})
 * @param embedder the model that made the vectors
 * @param dimension vector length
 * @param similarity always {@code "cosine"}: vectors are stored L2-normalised
 * @param count rows committed
 * @param created ISO-8601 instant of creation
 * @param updated ISO-8601 instant of the last committed append
 * @param store the vector store holding the searchable copy ({@code lucene} when absent, as in
 *     corpora written before stores were pluggable)
 */
public record CorpusManifest(
    int formatVersion,
    EmbedderInfo embedder,
    int dimension,
    String similarity,
    long count,
    String created,
    String updated,
    StoreSpec store) {

  /** The layout this code reads and writes. */
  public static final int FORMAT_VERSION = 1;

  public static final String COSINE = "cosine";

  public CorpusManifest {
    Objects.requireNonNull(embedder, "embedder");
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be positive, got " + dimension);
    }
    if (count < 0 || count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("bad row count " + count);
    }
    similarity = similarity == null ? COSINE : similarity;
    store = store == null ? StoreSpec.lucene() : store;
  }

  CorpusManifest withCount(long newCount, String when) {
    return new CorpusManifest(
        formatVersion, embedder, dimension, similarity, newCount, created, when, store);
  }

  CorpusManifest withStore(StoreSpec newStore, String when) {
    return new CorpusManifest(
        formatVersion, embedder, dimension, similarity, count, created, when, newStore);
  }

  /** Reads and checks the manifest of the corpus in {@code layout}. */
  static CorpusManifest read(CorpusLayout layout) {
    Path file = layout.manifest();
    if (!Files.isRegularFile(file)) {
      throw new UserException(
          layout.dir()
              + " is not a corpus (no "
              + CorpusLayout.MANIFEST
              + "); create one with 'va import-va' or 'va ingest'");
    }
    CorpusManifest manifest;
    try {
      manifest = Json.mapper().readValue(file.toFile(), CorpusManifest.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserException(file + " is not a valid corpus manifest: " + e.getMessage(), e);
    }
    if (manifest.formatVersion() != FORMAT_VERSION) {
      throw new UserException(
          file
              + " has corpus format version "
              + manifest.formatVersion()
              + " but this va reads version "
              + FORMAT_VERSION
              + "; use the va version that wrote it");
    }
    if (!COSINE.equals(manifest.similarity())) {
      throw new UserException(
          file + " has similarity '" + manifest.similarity() + "'; only cosine is supported");
    }
    return manifest;
  }

  /** Durably replaces the manifest of {@code layout} with this one. */
  void write(CorpusLayout layout) {
    AtomicFiles.writeJson(layout.manifest(), this);
  }
}

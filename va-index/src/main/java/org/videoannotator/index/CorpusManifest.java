package org.videoannotator.index;

import java.util.Objects;

/**
 * The corpus's {@code manifest.json}: what the vectors are and how many rows are durable. Rows at
 * or beyond {@link #count()} in the data files are the tail of an unfinished append and are
 * ignored by readers (and cut off by the next writer).
 *
 * @param formatVersion the corpus layout version ({@link #FORMAT_VERSION})
 * @param embedder the model that made the vectors
 * @param dimension vector length
 * @param similarity always {@code "cosine"}: vectors are stored L2-normalised
 * @param count rows committed
 * @param created ISO-8601 instant of creation
 * @param updated ISO-8601 instant of the last committed append
 */
public record CorpusManifest(
    int formatVersion,
    EmbedderInfo embedder,
    int dimension,
    String similarity,
    long count,
    String created,
    String updated) {

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
  }

  CorpusManifest withCount(long newCount, String when) {
    return new CorpusManifest(formatVersion, embedder, dimension, similarity, newCount, created, when);
  }
}

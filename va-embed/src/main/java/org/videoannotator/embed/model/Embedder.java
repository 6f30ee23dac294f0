package org.videoannotator.embed.model;

import java.nio.file.Path;
import java.util.Optional;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.index.TextEncoder;

/**
 * Turns the frames sampled from one shot into one L2-normalised vector. Implementations are
 * thread-safe for {@link #embedShot} (ingest embeds two videos at once) and hold native resources
 * until {@link #close()}.
 */
public interface Embedder extends AutoCloseable {
  /** Id, version and every parameter that changes the vectors; recorded in the corpus manifest. */
  EmbedderInfo info();

  /** Length of the vectors {@link #embedShot} returns. */
  int dimension();

  /**
   * The smallest short side, in pixels, the sampled frames must have for this embedder (the ingest
   * keeps frames at least this large and no larger than it needs).
   */
  int minFrameShortSide();

  /**
   * The shot's vector, L2-normalised, of length {@link #dimension()}.
   *
   * @throws IllegalArgumentException if {@code frames} holds no frame
   */
  float[] embedShot(ShotFrames frames);

  /** The folder the model was loaded from, when there is one (recorded in the corpus). */
  default Optional<Path> modelDir() {
    return Optional.empty();
  }

  /** The text tower, in the same space as {@link #embedShot}, when the model has one. */
  Optional<TextEncoder> textEncoder();

  @Override
  void close();
}

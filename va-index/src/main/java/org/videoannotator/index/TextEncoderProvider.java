package org.videoannotator.index;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds the text encoder of a corpus's embedder, so that {@code va search --text} works without
 * va-index depending on the module that holds the models. Modules that have encoders (va-embed)
 * register an implementation in {@code
 * META-INF/services/org.videoannotator.index.TextEncoderProvider}.
 */
public interface TextEncoderProvider {
  /**
   * The text encoder for vectors made by {@code embedder}, or empty when this provider has none
   * (e.g. a descriptor embedder without a text tower). May load a model: the caller closes the
   * encoder when it is {@link AutoCloseable}.
   */
  Optional<TextEncoder> encoderFor(EmbedderInfo embedder, Path corpusDir);

  /** The first registered provider's encoder for {@code corpus}, if any provider has one. */
  static Optional<TextEncoder> find(Corpus corpus) {
    for (TextEncoderProvider provider : ServiceLoader.load(TextEncoderProvider.class)) {
      Optional<TextEncoder> encoder = provider.encoderFor(corpus.embedder(), corpus.dir());
      if (encoder.isPresent()) {
        return encoder;
      }
    }
    return Optional.empty();
  }

  /** What to tell a user who asks for text-to-video search where no encoder exists. */
  static String missingMessage(EmbedderInfo embedder) {
    return "this corpus was embedded with '"
        + embedder.id()
        + "', which has no text encoder"
        + " configured; use full-text search (--words), or ingest with --embedder clip --model DIR";
  }
}

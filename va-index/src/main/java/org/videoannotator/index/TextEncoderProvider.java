package org.videoannotator.index;

import java.util.Optional;

/**
 * Finds the text encoder of a corpus's embedder, so that {@code va search --text} works without
 * va-index depending on the module that holds the models. Modules that have encoders (va-embed)
 * register an implementation in {@code META-INF/services/org.videoannotator.index.TextEncoderProvider}.
 */
public interface TextEncoderProvider {
  /**
   * The text encoder for vectors made by {@code embedder}, or empty when this provider has none
   * (e.g. a descriptor embedder without a text tower). May load a model: the caller closes the
   * encoder when it is {@link AutoCloseable}.
   */
  Optional<TextEncoder> encoderFor(EmbedderInfo embedder, java.nio.file.Path corpusDir);
}

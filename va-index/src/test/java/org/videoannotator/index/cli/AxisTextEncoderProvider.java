package org.videoannotator.index.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.videoannotator.index.EmbedderInfo;
import org.videoannotator.index.TextEncoder;
import org.videoannotator.index.TextEncoderProvider;

/**
 * A registered provider (test resources) for corpora embedded with "axis-2d": the words "east" and
 * "north" map to the two axes. Lets the tests drive {@code va search --text} through the real
 * ServiceLoader lookup.
 */
public final class AxisTextEncoderProvider implements TextEncoderProvider {
  static final EmbedderInfo AXIS = EmbedderInfo.of("axis-2d", "1");

  @Override
  public Optional<TextEncoder> encoderFor(EmbedderInfo embedder, Path corpusDir) {
    if (!embedder.id().equals(AXIS.id())) {
      return Optional.empty();
    }
    return Optional.of(
        new TextEncoder() {
          @Override
          public String id() {
            return AXIS.id();
          }

          @Override
          public float[] encode(String text) {
            return text.contains("north") ? new float[] {0, 1} : new float[] {1, 0};
          }
        });
  }
}

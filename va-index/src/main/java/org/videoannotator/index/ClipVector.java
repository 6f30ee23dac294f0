package org.videoannotator.index;

import java.util.Objects;

/** A clip with its embedding, the unit of {@link Corpus#append}. The vector is not copied. */
public record ClipVector(Clip clip, float[] vector) {
  public ClipVector {
    Objects.requireNonNull(clip, "clip");
    Objects.requireNonNull(vector, "vector of clip " + clip.key());
  }
}

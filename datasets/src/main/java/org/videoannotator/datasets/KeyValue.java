package org.videoannotator.datasets;

import java.util.Objects;

/** One annotated shot of a {@link CmpSet} list: the shot key and the majority answer. */
public record KeyValue(String key, boolean value) {
  public KeyValue {
    Objects.requireNonNull(key, "key");
  }
}

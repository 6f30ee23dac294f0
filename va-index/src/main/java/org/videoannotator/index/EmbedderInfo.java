package org.videoannotator.index;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which model made a corpus's vectors. Two corpora (or a corpus and a query) are comparable only
 * when their embedder infos are {@link #equals equal}: same id, version and parameters.
 *
 * @param id short model name, e.g. {@code "clip"}, {@code "descriptor"}, {@code
 *     "va-released-clip4clip"}
 * @param version model or weights version, e.g. a hash of the weights file
 * @param params every setting that changes the vectors (frames per shot, input size...)
 */
public record EmbedderInfo(String id, String version, Map<String, String> params) {
  public EmbedderInfo {
    Objects.requireNonNull(id, "embedder id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("embedder id must not be blank");
    }
    version = version == null ? "" : version;
    // Sorted so that the manifest and error messages print parameters in a stable order.
    params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
  }

  public static EmbedderInfo of(String id, String version) {
    return new EmbedderInfo(id, version, Map.of());
  }

  @Override
  public String toString() {
    return id + (version.isEmpty() ? "" : "@" + version) + (params.isEmpty() ? "" : " " + params);
  }
}

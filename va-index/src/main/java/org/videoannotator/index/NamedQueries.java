package org.videoannotator.index;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.videoannotator.core.io.AtomicFiles;
import org.videoannotator.core.vectors.VectorMath;

/** The corpus's named query vectors ({@code queries.json}), normalised, in insertion order. */
final class NamedQueries {
  private final Path file;
  private final int dimension;
  private volatile Map<String, float[]> queries;

  NamedQueries(Path file, int dimension) {
    this.file = file;
    this.dimension = dimension;
    this.queries = JsonMaps.read(file, new TypeReference<LinkedHashMap<String, float[]>>() {});
  }

  Map<String, float[]> all() {
    return Collections.unmodifiableMap(queries);
  }

  Optional<float[]> get(String name) {
    return Optional.ofNullable(queries.get(name)).map(float[]::clone);
  }

  /** Adds or replaces queries (validated and normalised) in one atomic write; callers serialise. */
  void put(Map<String, float[]> more) {
    Map<String, float[]> next = new LinkedHashMap<>(queries);
    for (Map.Entry<String, float[]> e : more.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) {
        throw new IllegalArgumentException("named query needs a non-blank name");
      }
      next.put(
          e.getKey(),
          VectorMath.normalisedCopy(e.getValue(), dimension, "named query '" + e.getKey() + "'"));
    }
    AtomicFiles.writeJson(file, next);
    queries = next;
  }
}

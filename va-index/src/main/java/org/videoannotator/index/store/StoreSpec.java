package org.videoannotator.index.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which {@link VectorIndex} a corpus uses, as recorded in its manifest: a kind (the name of a
 * {@link VectorIndexProvider}) and the kind's parameters (for example {@code quantization=int8}
 * for {@code lucene}, or {@code url}, {@code index}, {@code shards}, {@code replicas} for
 * {@code opensearch}). Secrets never go here: providers read them from the environment or files.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StoreSpec(String kind, Map<String, String> params) {
  public static final String LUCENE = "lucene";

  public StoreSpec {
    kind = kind == null || kind.isBlank() ? LUCENE : kind;
    params = params == null ? Map.of() : Map.copyOf(new TreeMap<>(params));
  }

  /** Today's default: the Lucene index in the corpus folder. */
  public static StoreSpec lucene() {
    return new StoreSpec(LUCENE, Map.of());
  }

  /** Parses {@code key=value} settings (as given on a command line) for {@code kind}. */
  public static StoreSpec parse(String kind, java.util.List<String> settings) {
    Map<String, String> params = new TreeMap<>();
    for (String s : settings) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new org.videoannotator.core.UserException(
            "store setting '" + s + "' is not key=value (e.g. --store-param quantization=int8)");
      }
      params.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
    }
    return new StoreSpec(kind, params);
  }

  /** The parameter {@code key}, or {@code fallback}. */
  public String param(String key, String fallback) {
    return params.getOrDefault(key, fallback);
  }
}

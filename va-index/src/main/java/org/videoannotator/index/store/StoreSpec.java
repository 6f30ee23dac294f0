package org.videoannotator.index.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.videoannotator.core.UserException;

/**
 * Which {@link VectorStore} a corpus uses, as recorded in its manifest: a kind (the name of a
 * {@link VectorStoreProvider}) and the kind's parameters (for example {@code quantization=int8} for
 * {@code lucene}, or {@code url}, {@code index}, {@code shards}, {@code replicas} for {@code
 * opensearch}). Secrets never go here: providers read them from the environment or files.
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
  public static StoreSpec parse(String kind, List<String> settings) {
    Map<String, String> params = new TreeMap<>();
    for (String s : settings) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        throw new UserException(
            "store setting '" + s + "' is not key=value (e.g. --store-param quantization=int8)");
      }
      params.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
    }
    return new StoreSpec(kind, params);
  }

  /**
   * {@code KIND} or {@code KIND:key=value,key=value} (the form {@code --store} takes everywhere),
   * with further {@code key=value} settings (repeated {@code --store-param}s) added; a setting
   * given both ways must agree.
   */
  public static StoreSpec parseKindAndParams(String text, List<String> more) {
    String kind = text.strip();
    List<String> settings = new ArrayList<>();
    int colon = kind.indexOf(':');
    if (colon >= 0) {
      for (String s : kind.substring(colon + 1).split(",")) {
        if (!s.isBlank()) {
          settings.add(s);
        }
      }
      kind = kind.substring(0, colon).strip();
    }
    if (kind.isEmpty() || !kind.matches("[a-z][a-z0-9-]*")) {
      throw new UserException(
          "--store '"
              + text
              + "' does not start with a store"
              + " kind such as lucene or opensearch (form: KIND or KIND:key=value,key=value)");
    }
    StoreSpec inline = parse(kind, settings);
    StoreSpec extra = parse(kind, more);
    for (Map.Entry<String, String> e : extra.params().entrySet()) {
      String given = inline.params().get(e.getKey());
      if (given != null && !given.equals(e.getValue())) {
        throw new UserException(
            "store setting "
                + e.getKey()
                + " is given twice, as '"
                + given
                + "' (--store) and '"
                + e.getValue()
                + "' (--store-param); give it once");
      }
    }
    Map<String, String> all = new TreeMap<>(inline.params());
    all.putAll(extra.params());
    return new StoreSpec(kind, all);
  }

  public static StoreSpec parseKindAndParams(String text) {
    return parseKindAndParams(text, List.of());
  }

  /** The parameter {@code key}, or {@code fallback}. */
  public String param(String key, String fallback) {
    return params.getOrDefault(key, fallback);
  }

  /**
   * This spec with {@code settings} laid over its parameters: the settings of one opening (e.g.
   * {@code m=32} for the graph segments written now), which the manifest does not record.
   */
  public StoreSpec with(Map<String, String> settings) {
    if (settings.isEmpty()) {
      return this;
    }
    Map<String, String> all = new TreeMap<>(params);
    all.putAll(settings);
    return new StoreSpec(kind, all);
  }

  /**
   * {@code kind} or {@code kind:key=value,...}, as {@code --store} takes it (passwords masked,
   * should one be given as a setting).
   */
  public String describe() {
    return params.isEmpty()
        ? kind
        : kind
            + ":"
            + params.entrySet().stream()
                .map(
                    e ->
                        e.getKey() + "=" + (e.getKey().contains("password") ? "***" : e.getValue()))
                .collect(Collectors.joining(","));
  }
}

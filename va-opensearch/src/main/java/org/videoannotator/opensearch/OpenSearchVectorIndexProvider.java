package org.videoannotator.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.videoannotator.core.UserException;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.index.IndexSettings;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.index.store.VectorIndex;
import org.videoannotator.index.store.VectorIndexProvider;

/**
 * The {@code opensearch} store. Settings (in the corpus manifest, from {@code --store-param}):
 * {@code url} (required, e.g. {@code https://search.example:9200}), {@code index} (default: {@code
 * va-} and the corpus folder's name), {@code shards} (1), {@code replicas} (0), {@code user} (basic
 * auth) with the password read from the environment variable named by {@code password-env}
 * (default {@code VA_OPENSEARCH_PASSWORD}) or the file named by {@code password-file}: never from
 * the manifest or the command line; {@code wait-seconds} (120): how long a busy, recovering or
 * unreachable cluster is retried before a call fails. HTTPS uses the JVM's trust store
 * ({@code -Djavax.net.ssl.trustStore=...} for a private CA).
 */
public final class OpenSearchVectorIndexProvider implements VectorIndexProvider {
  public static final String KIND = "opensearch";
  /** The k-NN plugin's limit for the lucene engine. */
  static final int MAX_DIMENSIONS = 16_000;
  private static final Set<String> KNOWN =
      Set.of("url", "index", "shards", "replicas", "user", "password-env", "password-file", "wait-seconds");

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public int maxDimensions() {
    return MAX_DIMENSIONS;
  }

  @Override
  public void validate(StoreSpec spec) {
    for (String key : spec.params().keySet()) {
      if (!KNOWN.contains(key)) {
        throw new UserException("the opensearch store has no setting '" + key + "'; it knows " + KNOWN
            + (key.contains("password") ? " (passwords come from password-env or password-file, never the manifest)" : ""));
      }
    }
    String url = spec.param("url", "");
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new UserException("the opensearch store needs --store-param url=http(s)://host:port, got '" + url + "'");
    }
    positive(spec, "shards", "1", 1);
    positive(spec, "replicas", "0", 0);
    positive(spec, "wait-seconds", "120", 0);
  }

  private static int positive(StoreSpec spec, String key, String fallback, int min) {
    String text = spec.param(key, fallback);
    try {
      int value = Integer.parseInt(text);
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new UserException("opensearch store setting " + key + "=" + text + " must be a whole number >= " + min);
  }

  /** The index name: the {@code index} setting, or {@code va-} and the corpus folder name, lower case. */
  static String indexName(Path corpusDir, StoreSpec spec) {
    String name = spec.param("index", "va-" + corpusDir.toAbsolutePath().normalize().getFileName());
    String clean = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    return clean.startsWith("-") || clean.startsWith("_") ? "va" + clean : clean;
  }

  private static String password(StoreSpec spec) {
    String file = spec.param("password-file", null);
    if (file != null) {
      try {
        return Files.readString(Path.of(file)).strip();
      } catch (java.io.IOException e) {
        throw new UserException("cannot read the OpenSearch password file " + file + ": " + e.getMessage(), e);
      }
    }
    return System.getenv(spec.param("password-env", "VA_OPENSEARCH_PASSWORD"));
  }

  @Override
  public VectorIndex open(Path corpusDir, StoreSpec spec, int dimension, IndexSettings settings) {
    validate(spec);
    String user = spec.param("user", null);
    OpenSearchHttp http = new OpenSearchHttp(spec.param("url", ""), user, user == null ? null : password(spec),
        java.time.Duration.ofSeconds(positive(spec, "wait-seconds", "120", 0)));
    OpenSearchVectorIndex index = new OpenSearchVectorIndex(http, indexName(corpusDir, spec), dimension,
        CorpusLayout.of(corpusDir).storeLock());
    index.createOrCheck(positive(spec, "shards", "1", 1), positive(spec, "replicas", "0", 0), settings.m(),
        settings.beamWidth());
    return index;
  }
}

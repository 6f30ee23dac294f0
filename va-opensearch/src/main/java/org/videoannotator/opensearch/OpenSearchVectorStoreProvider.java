package org.videoannotator.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.videoannotator.core.UserException;
import org.videoannotator.index.CorpusLayout;
import org.videoannotator.index.store.StoreSpec;
import org.videoannotator.index.store.VectorStore;
import org.videoannotator.index.store.VectorStoreProvider;

/**
 * The {@code opensearch} store. Settings (in the corpus manifest, from {@code --store-param}):
 * {@code url} (required, e.g. {@code https://search.example:9200}; several nodes of one cluster
 * separated by {@code ;}, tried in turn when one is down), {@code index} (default: {@code va-} and
 * the corpus folder's name), {@code shards} (1), {@code replicas} (0), {@code user} (basic auth)
 * with the password read from the environment variable named by {@code password-env} (default
 * {@code VA_OPENSEARCH_PASSWORD}) or the file named by {@code password-file}: never from the
 * manifest or the command line; {@code wait-seconds} (120): how long a busy, recovering or
 * unreachable cluster is retried before a write (an import, an append) fails; {@code
 * search-wait-seconds} (5): the same for interactive searches, which answer within seconds; {@code
 * m} (16) and {@code beam-width} (100): the HNSW graph of an index created now (the k-NN plugin's
 * {@code m} and {@code ef_construction}). HTTPS uses the JVM's trust store ({@code
 * -Djavax.net.ssl.trustStore=...} for a private CA).
 */
public final class OpenSearchVectorStoreProvider implements VectorStoreProvider {
  public static final String KIND = "opensearch";

  /** The k-NN plugin's limit for the lucene engine. */
  static final int MAX_DIMENSIONS = 16_000;

  private static final Set<String> KNOWN =
      Set.of(
          "url",
          "index",
          "shards",
          "replicas",
          "user",
          "password-env",
          "password-file",
          "wait-seconds",
          "search-wait-seconds",
          "m",
          "beam-width");
  private static final String DEFAULT_M = "16";
  private static final String DEFAULT_BEAM_WIDTH = "100";

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
        throw new UserException(
            "the opensearch store has no setting '"
                + key
                + "'; it knows "
                + KNOWN
                + (key.contains("password")
                    ? " (passwords come from password-env or password-file, never the manifest)"
                    : ""));
      }
    }
    urls(spec);
    positive(spec, "shards", "1", 1);
    positive(spec, "replicas", "0", 0);
    positive(spec, "wait-seconds", "120", 0);
    positive(spec, "search-wait-seconds", "5", 0);
    positive(spec, "m", DEFAULT_M, 2);
    positive(spec, "beam-width", DEFAULT_BEAM_WIDTH, 1);
    String file = spec.param("password-file", null);
    if (file != null && !Files.isReadable(Path.of(file))) {
      throw new UserException(
          "the opensearch store's password-file "
              + file
              + " cannot be read; create it"
              + " (one line, the password) or use password-env=VARIABLE");
    }
  }

  /** The {@code url} setting's nodes, each checked to be an http(s)://host[:port] address. */
  static List<String> urls(StoreSpec spec) {
    String given = spec.param("url", "");
    if (given.isBlank()) {
      throw new UserException(
          "the opensearch store needs its url, e.g. --store opensearch:url=http://127.0.0.1:9200");
    }
    List<String> out = new ArrayList<>();
    for (String part : given.split(";")) {
      String url = part.strip();
      String problem = problemWith(url);
      if (problem != null) {
        throw new UserException(
            "the opensearch store's url '"
                + url
                + "' "
                + problem
                + "; give http(s)://host:port, several separated by ';' (e.g. url=http://10.0.0.1:9200;http://10.0.0.2:9200)");
      }
      out.add(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }
    return out;
  }

  private static String problemWith(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "is not a valid address (" + e.getReason() + " at index " + e.getIndex() + ")";
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      return "does not start with http:// or https://";
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return "has no host name (or an invalid one)";
    }
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
      return "has a path (" + uri.getRawPath() + "); the store adds its own";
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      return "has a query, fragment or user part (use the user and password-env settings for credentials)";
    }
    return null;
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
    throw new UserException(
        "opensearch store setting " + key + "=" + text + " must be a whole number >= " + min);
  }

  /**
   * The index name: the {@code index} setting, or {@code va-} and the corpus folder name, lower
   * case.
   */
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
      } catch (IOException e) {
        throw new UserException(
            "cannot read the OpenSearch password file " + file + ": " + e.getMessage(), e);
      }
    }
    return System.getenv(spec.param("password-env", "VA_OPENSEARCH_PASSWORD"));
  }

  /**
   * Opens the corpus's index; one that is missing is left missing (reported by the corpus, rebuilt
   * by {@code va store reindex}).
   */
  @Override
  public VectorStore open(Path corpusDir, StoreSpec spec, int dimension) {
    OpenSearchVectorStore index = connect(corpusDir, spec, dimension);
    index.checkIfPresent();
    return index;
  }

  /** Opens the corpus's index, creating it when absent. */
  @Override
  public VectorStore create(Path corpusDir, StoreSpec spec, int dimension) {
    OpenSearchVectorStore index = connect(corpusDir, spec, dimension);
    index.createOrCheck(
        positive(spec, "shards", "1", 1),
        positive(spec, "replicas", "0", 0),
        positive(spec, "m", DEFAULT_M, 2),
        positive(spec, "beam-width", DEFAULT_BEAM_WIDTH, 1));
    return index;
  }

  private OpenSearchVectorStore connect(Path corpusDir, StoreSpec spec, int dimension) {
    validate(spec);
    String user = spec.param("user", null);
    OpenSearchHttp http =
        new OpenSearchHttp(
            urls(spec),
            user,
            user == null ? null : password(spec),
            Duration.ofSeconds(positive(spec, "wait-seconds", "120", 0)));
    return new OpenSearchVectorStore(
        http,
        http.withBudget(Duration.ofSeconds(positive(spec, "search-wait-seconds", "5", 0))),
        indexName(corpusDir, spec),
        dimension,
        CorpusLayout.of(corpusDir).storeLock());
  }
}

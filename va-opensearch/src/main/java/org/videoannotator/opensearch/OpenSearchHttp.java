package org.videoannotator.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;
import org.videoannotator.index.store.StoreUnavailableException;

/**
 * JSON over HTTP to one OpenSearch cluster through any of its nodes: the few REST calls the store
 * needs (index admin, bulk, search, refresh), with the JDK's client and the project's Jackson, so
 * no client library with its own Jackson and HTTP stack lands on the server's class path.
 *
 * <p>Failover: a node that cannot be reached, or answers 503, is left for the next one in the list
 * at once; the node that answered last is tried first next time. Back-pressure: when every node is
 * busy (429, 503) or unreachable the call is retried with exponential backoff until its budget is
 * spent: long for writes and imports ({@code wait-seconds}), short for interactive searches ({@code
 * search-wait-seconds}, {@link #withBudget}). A cluster that stays unreachable is a {@link
 * StoreUnavailableException} naming its nodes. Thread-safe.
 */
final class OpenSearchHttp {
  private static final Logger LOG = LoggerFactory.getLogger(OpenSearchHttp.class);

  /** How long writes wait for a busy or recovering cluster by default. */
  static final Duration RETRY_FOR = Duration.ofSeconds(120);

  /**
   * How long interactive searches wait by default: an answer within seconds, even if it is an
   * error.
   */
  static final Duration SEARCH_RETRY_FOR = Duration.ofSeconds(5);

  /** An answer: status and body (a JSON tree, or null when the body is empty or not JSON). */
  record Reply(int status, JsonNode json, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final List<String> nodes;
  private final AtomicInteger current;
  private final Duration retryFor;
  private final String authorization;
  private final HttpClient client;

  OpenSearchHttp(String url, String user, String password) {
    this(List.of(url), user, password, RETRY_FOR);
  }

  OpenSearchHttp(List<String> urls, String user, String password, Duration retryFor) {
    this(
        urls.stream().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toList(),
        new AtomicInteger(),
        retryFor,
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (user + ":" + (password == null ? "" : password))
                            .getBytes(StandardCharsets.UTF_8)));
  }

  private OpenSearchHttp(
      List<String> nodes, AtomicInteger current, Duration retryFor, String authorization) {
    this.nodes = List.copyOf(nodes);
    this.current = current;
    this.retryFor = retryFor;
    this.authorization = authorization;
    long connectMs = Math.clamp(retryFor.toMillis(), 1_000, 10_000);
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(connectMs)).build();
  }

  /** The same cluster and nodes (sharing which one answered last) with another retry budget. */
  OpenSearchHttp withBudget(Duration budget) {
    return new OpenSearchHttp(nodes, current, budget, authorization);
  }

  /** The nodes, as configured, separated by {@code ;}. */
  String url() {
    return String.join(";", nodes);
  }

  Reply get(String path) {
    return send("GET", path, null, "application/json");
  }

  Reply put(String path, Object body) {
    return send("PUT", path, json(body), "application/json");
  }

  Reply post(String path, Object body) {
    return send("POST", path, body == null ? null : json(body), "application/json");
  }

  Reply delete(String path) {
    return send("DELETE", path, null, "application/json");
  }

  /** A {@code _bulk} request of newline-delimited JSON lines. */
  Reply bulk(String ndjson) {
    return send("POST", "/_bulk", ndjson, "application/x-ndjson");
  }

  /**
   * Fails naming the call when {@code reply} is not a success: a cluster still busy after the
   * budget (429, 5xx) is unavailable, anything else a refusal of the request.
   */
  Reply require(Reply reply, String what) {
    if (reply.ok()) {
      return reply;
    }
    String refusal =
        "OpenSearch at "
            + url()
            + " refused to "
            + what
            + " (HTTP "
            + reply.status()
            + "): "
            + shorten(reply.body());
    if (reply.status() == 429 || reply.status() >= 500) {
      throw new StoreUnavailableException(
          refusal,
          "the cluster is busy or recovering; retry later,"
              + " or raise the store's wait-seconds / search-wait-seconds",
          null);
    }
    throw new UserException(refusal);
  }

  private static String json(Object body) {
    try {
      return body instanceof String s ? s : Json.mapper().writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise a request body", e);
    }
  }

  private Reply send(String method, String path, String body, String contentType) {
    long deadline = System.nanoTime() + retryFor.toNanos();
    long backoffMs = 100;
    Exception lastFailure = null;
    while (true) {
      Reply reply = null;
      // One pass over the nodes, starting with the one that answered last.
      int first = current.get();
      for (int i = 0; i < nodes.size(); i++) {
        int node = (first + i) % nodes.size();
        try {
          reply = once(nodes.get(node), method, path, body, contentType);
        } catch (IOException e) {
          lastFailure = e;
          LOG.debug(
              "OpenSearch node {} unreachable for {} {}: {}",
              nodes.get(node),
              method,
              path,
              e.toString());
          continue;
        }
        if (reply.status() != 503 || i == nodes.size() - 1) {
          current.set(node);
          break;
        }
      }
      boolean busy = reply == null || reply.status() == 429 || reply.status() == 503;
      if (!busy) {
        return reply;
      }
      if (System.nanoTime() + backoffMs * 1_000_000 > deadline) {
        if (reply == null) {
          throw unreachable(lastFailure);
        }
        return reply;
      }
      LOG.debug("OpenSearch {} {} busy or unreachable; retrying in {} ms", method, path, backoffMs);
      sleep(backoffMs);
      backoffMs = Math.min(backoffMs * 2, 5_000);
    }
  }

  private Reply once(String node, String method, String path, String body, String contentType)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(node + path))
            // A node that accepts but never answers costs an interactive search its budget, not
            // minutes.
            .timeout(Duration.ofMillis(Math.clamp(retryFor.toMillis(), 2_000, 120_000)))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), parse(response.body()), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while waiting for OpenSearch at " + url(), e);
    }
  }

  private StoreUnavailableException unreachable(Exception cause) {
    return new StoreUnavailableException(
        "cannot reach OpenSearch at "
            + url()
            + " (tried for "
            + retryFor.toSeconds()
            + " s: "
            + (cause == null ? "no answer" : oneLine(cause))
            + ")",
        "start the cluster, or check the store's url"
            + " setting in the corpus manifest (several nodes: url=http://a:9200;http://b:9200)",
        cause);
  }

  /**
   * The failure's class and the first message along its causes (refused, timed out, unknown host).
   */
  private static String oneLine(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return e.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    return e.getClass().getSimpleName() + " (connection refused or closed)";
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while waiting for OpenSearch", e);
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  static String shorten(String s) {
    return s == null ? "" : s.length() > 500 ? s.substring(0, 500) + "..." : s;
  }
}

package org.videoannotator.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;

/**
 * JSON over HTTP to one OpenSearch cluster: the few REST calls the store needs (index admin, bulk,
 * search, refresh), with the JDK's client and the project's Jackson, so no client library with
 * its own Jackson and HTTP stack lands on the server's class path. Back-pressure: a 429 (queue
 * full) or 503 (shard unavailable, node restarting) is retried with exponential backoff for up
 * to a bounded time (the store's {@code wait-seconds}, default 120); an unreachable cluster is a {@link UserException} naming its URL.
 * Thread-safe.
 */
final class OpenSearchHttp {
  private static final Logger LOG = LoggerFactory.getLogger(OpenSearchHttp.class);
  /** How long a busy or recovering cluster is waited for by default before a call fails. */
  static final Duration RETRY_FOR = Duration.ofSeconds(120);

  /** An answer: status and body (a JSON tree, or null when the body is empty or not JSON). */
  record Reply(int status, JsonNode json, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final String base;
  private final Duration retryFor;
  private final String authorization;
  private final HttpClient client;

  OpenSearchHttp(String url, String user, String password) {
    this(url, user, password, RETRY_FOR);
  }

  OpenSearchHttp(String url, String user, String password, Duration retryFor) {
    this.retryFor = retryFor;
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  String url() {
    return base;
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

  /** Fails naming the call when {@code reply} is not a success. */
  Reply require(Reply reply, String what) {
    if (!reply.ok()) {
      throw new UserException("OpenSearch at " + base + " refused to " + what + " (HTTP " + reply.status() + "): "
          + shorten(reply.body()));
    }
    return reply;
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
    while (true) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(120))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (body != null) {
        request.header("Content-Type", contentType);
      }
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      Reply reply;
      try {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        reply = new Reply(response.statusCode(), parse(response.body()), response.body());
      } catch (ConnectException | HttpTimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw unreachable(e);
        }
        reply = null;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw unreachable(e);
        }
        reply = null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UserException("interrupted while waiting for OpenSearch at " + base, e);
      }
      boolean busy = reply == null || reply.status() == 429 || reply.status() == 503;
      if (!busy || System.nanoTime() > deadline) {
        if (reply == null) {
          throw unreachable(null);
        }
        return reply;
      }
      LOG.debug("OpenSearch {} {} busy or unreachable; retrying in {} ms", method, path, backoffMs);
      sleep(backoffMs);
      backoffMs = Math.min(backoffMs * 2, 5_000);
    }
  }

  private UserException unreachable(Exception cause) {
    return new UserException("cannot reach OpenSearch at " + base + " for " + retryFor.toSeconds()
        + " s (" + (cause == null ? "no answer" : cause.toString()) + "); start the cluster or fix the store's url"
        + " setting (e.g. --store-param url=http://host:9200)", cause);
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

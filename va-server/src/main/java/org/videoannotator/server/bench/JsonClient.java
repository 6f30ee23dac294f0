package org.videoannotator.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.videoannotator.core.Json;

/** A small JSON-over-HTTP client for the benchmark's simulated annotators. Thread-safe. */
public final class JsonClient {
  /** A reply: status and body parsed as JSON (null when not JSON). */
  public record Reply(int status, JsonNode json) {}

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  public JsonClient(String base) {
    this.base = base;
  }

  public Reply get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Reply post(String path, Object body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))));
  }

  private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(120)).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode json = null;
    try {
      json = Json.mapper().readTree(r.body());
    } catch (IOException notJson) {
      // media and exports are not JSON
    }
    return new Reply(r.statusCode(), json);
  }
}

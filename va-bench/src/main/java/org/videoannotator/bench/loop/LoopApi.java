package org.videoannotator.bench.loop;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.videoannotator.core.UserException;
import org.videoannotator.testkit.JsonHttp;

/**
 * The routes of the server the UI uses, as the simulated expert calls them over HTTP (API.md):
 * search, annotations, builds, feeds, and the model's scores for the truth figures.
 */
final class LoopApi {
  /** A clip a page offered, with where it came from (the annotation's {@code source}). */
  record Offer(String key, Map<String, Object> source) {}

  /** Tries of one request that the server answered with a 5xx. */
  private static final int TRIES = 3;

  private static final Logger LOG = LoggerFactory.getLogger(LoopApi.class);

  private final JsonHttp http;
  private final AtomicInteger serverErrors = new AtomicInteger();

  LoopApi(String baseUrl) {
    this.http = new JsonHttp(baseUrl.replaceAll("/$", ""));
  }

  /** 5xx answers met (each retried): a server finding, reported with the results. */
  int serverErrors() {
    return serverErrors.get();
  }

  /**
   * Sends a request, again (up to {@link #TRIES} in all) when the server answers 5xx: a loaded
   * machine should not end a long run, but every such answer is counted and reported. A 5xx means
   * the server did not act on the request (a failed read of the body, for instance), so a retry
   * does not label twice; the same vote twice would not change the consensus anyway.
   */
  private JsonHttp.Reply send(Supplier<JsonHttp.Reply> request, String what) {
    JsonHttp.Reply reply = request.get();
    for (int i = 1; i < TRIES && reply.status() >= 500; i++) {
      serverErrors.incrementAndGet();
      LOG.warn("{}: the server answered {} {}; trying again", what, reply.status(), reply.body());
      reply = request.get();
    }
    return reply;
  }

  JsonNode info() {
    return ok(send(() -> http.get("/api/info"), "GET /api/info"), 200, "GET /api/info");
  }

  void createLabel(String label) {
    ok(
        send(() -> http.post("/api/labels", Map.of("name", label)), "POST /api/labels"),
        201,
        "POST /api/labels " + label);
  }

  void deleteLabel(String label) {
    http.delete(path(label));
  }

  /**
   * One page of a search ranking with the clips already annotated for {@code label} left out, as
   * the UI's "Unlabelled only" search does: {@code mode} is {@code query} (a named query: the
   * label's text embedding, the paper's zero-shot) or {@code text}.
   */
  List<Offer> search(String label, String mode, String value, int k, int offset) {
    String url =
        "/api/search?"
            + mode
            + "="
            + enc(value)
            + "&k="
            + k
            + "&offset="
            + offset
            + "&label="
            + enc(label)
            + "&unlabelled=true";
    List<Offer> out = new ArrayList<>();
    for (JsonNode hit :
        ok(send(() -> http.get(url), "GET " + url), 200, "GET " + url).path("hits")) {
      out.add(new Offer(hit.get("key").asText(), Map.of("kind", "search", "query", value)));
    }
    return out;
  }

  /** One page of a feed of the latest build ({@code auto} answers with the feed it chose). */
  List<Offer> feed(String label, String feed, int k, int offset) {
    String url = path(label) + "/feeds/" + enc(feed) + "?k=" + k + "&offset=" + offset;
    JsonNode page = ok(send(() -> http.get(url), "GET " + url), 200, "GET " + url);
    String chosen = page.path("chosenFeed").asText(feed);
    Map<String, Object> source =
        Map.of("kind", "feed", "feed", chosen, "buildId", page.path("buildId").asLong());
    List<Offer> out = new ArrayList<>();
    for (JsonNode item : page.path("items")) {
      out.add(new Offer(item.get("key").asText(), source));
    }
    return out;
  }

  /** Posts the expert's answers as one batch (all-or-nothing on the server). */
  void annotate(String label, List<Offer> offers, Map<String, Boolean> answers, String annotator) {
    List<Map<String, Object>> batch = new ArrayList<>();
    for (Offer o : offers) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("key", o.key());
      a.put("value", answers.get(o.key()) ? "yes" : "no");
      a.put("annotator", annotator);
      a.put("source", o.source());
      batch.add(a);
    }
    ok(
        send(() -> http.post(path(label) + "/annotations", batch), "POST annotations"),
        201,
        "POST annotations of " + label);
  }

  /** Starts a build and polls it to its end; the finished build document. */
  JsonNode build(String label, long seed) throws InterruptedException {
    JsonNode started =
        ok(
            send(() -> http.post(path(label) + "/builds", Map.of("seed", seed)), "POST build"),
            202,
            "POST build of " + label);
    String url = "/api/builds/" + started.get("id").asLong();
    while (true) {
      JsonNode status = ok(send(() -> http.get(url), "GET " + url), 200, "GET " + url);
      String s = status.path("status").asText();
      if (s.equals("done")) {
        return status;
      }
      if (!s.equals("queued") && !s.equals("running")) {
        throw new IllegalStateException(
            "build of " + label + " ended " + s + ": " + status.path("error").asText());
      }
      Thread.sleep(20);
    }
  }

  /** The scores model version {@code version} gives {@code keys}. */
  Map<String, Float> score(String label, int version, List<String> keys) {
    String url = path(label) + "/models/" + version + "/score";
    JsonNode scores =
        ok(send(() -> http.post(url, Map.of("keys", keys)), "POST " + url), 200, "POST " + url)
            .path("scores");
    Map<String, Float> out = new HashMap<>(keys.size() * 2);
    for (JsonNode s : scores) {
      out.put(s.get("key").asText(), (float) s.get("score").asDouble());
    }
    return out;
  }

  private static String path(String label) {
    return "/api/labels/" + enc(label);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static JsonNode ok(JsonHttp.Reply reply, int expected, String what) {
    if (reply.status() != expected) {
      throw new UserException(
          what + ": the server answered " + reply.status() + " " + reply.body());
    }
    return reply.json();
  }
}

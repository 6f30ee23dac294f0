package org.videoannotator.server.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.videoannotator.core.Json;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.index.Corpus;
import org.videoannotator.learn.LinearModel;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Bodies;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.clips.ClipView;
import org.videoannotator.server.labels.LabelController;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Label;
import org.videoannotator.server.store.ModelRow;

/** Model versions of a label: list, score clips (e.g. ingested after the build), quick preview. */
public final class ModelController {
  public static final int PREVIEW_SAMPLE = 2_000;
  public static final int MAX_SCORE_KEYS = 100_000;

  private final Corpus corpus;
  private final AnnotationStore store;
  private final BuildService builds;

  public ModelController(Corpus corpus, AnnotationStore store, BuildService builds) {
    this.corpus = corpus;
    this.store = store;
    this.builds = builds;
  }

  public void register(JavalinDefaultRouting r) {
    r.get("/api/labels/{label}/models", this::list);
    r.post("/api/labels/{label}/models/{version}/score", this::score);
    r.get("/api/labels/{label}/preview", this::preview);
  }

  /** A model version as the API shows it. */
  public record ModelView(int version, long buildId, String created, long corpusRows, JsonNode summary, String path) {}

  /** A clip with a model's score. */
  public record Scored(String key, float score, ClipView clip) {}

  private void list(Context ctx) {
    Label label = LabelController.require(store, ctx);
    ctx.json(store.builds().models(label.name()).stream().map(ModelController::view).toList());
  }

  private static ModelView view(ModelRow m) {
    try {
      return new ModelView(m.version(), m.buildId(), m.created().toString(), m.corpusRows(),
          Json.mapper().readTree(m.summary()), m.path());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("corrupt model summary of " + m, e);
    }
  }

  private ModelRow version(Label label, String text) {
    int v = Params.parseInt("version", text, 1, Integer.MAX_VALUE);
    return builds.model(label.name(), v).orElseThrow(() -> ApiException.notFound("version",
        "label '" + label.name() + "' has no model version " + v));
  }

  private void score(Context ctx) {
    Label label = LabelController.require(store, ctx);
    ModelRow row = version(label, ctx.pathParam("version"));
    JsonNode body = Bodies.object(ctx);
    KeyedMatrix vectors = corpus.vectors();
    List<String> keys = Bodies.strings(body, "keys", false).orElse(null);
    if (keys == null) {
      keys = new ArrayList<>();
      for (int r = (int) Math.min(row.corpusRows(), vectors.size()); r < vectors.size(); r++) {
        keys.add(vectors.keys().key(r));
      }
    }
    if (keys.size() > MAX_SCORE_KEYS) {
      throw ApiException.badRequest("keys", "at most " + MAX_SCORE_KEYS + " keys per request, got " + keys.size());
    }
    LinearModel model = builds.load(row);
    List<Map<String, Object>> scores = new ArrayList<>(keys.size());
    for (String key : keys) {
      int r = vectors.keys().rowOf(key);
      if (r < 0) {
        throw ApiException.notFound("keys", "the corpus has no clip '" + Params.shorten(key) + "' (keys)");
      }
      scores.add(Map.of("key", key, "score", (float) model.probability(vectors.matrix().row(r))));
    }
    ctx.json(Map.of("version", row.version(), "scores", scores));
  }

  private void preview(Context ctx) {
    Label label = LabelController.require(store, ctx);
    int k = Params.integer(ctx, "k", 5, 1, 100);
    ModelRow row = Params.string(ctx, "version").map(v -> version(label, v))
        .orElseGet(() -> builds.latestModel(label.name()).orElseThrow(() -> ApiException.conflict("version",
            "label '" + label.name() + "' has no model yet; build first")));
    LinearModel model = builds.load(row);
    KeyedMatrix vectors = corpus.vectors();
    Set<String> annotated = store.current(label.name()).stream().map(CurrentAnnotation::key).collect(Collectors.toSet());
    // A seeded sample keeps the preview cheap on any corpus size and the same between calls.
    SplittableRandom random = new SplittableRandom(row.version());
    List<Scored> scored = new ArrayList<>();
    java.util.BitSet seen = new java.util.BitSet(vectors.size());
    int attempts = Math.min(PREVIEW_SAMPLE, vectors.size());
    for (int i = 0; i < attempts; i++) {
      int r = vectors.size() <= PREVIEW_SAMPLE ? i : random.nextInt(vectors.size());
      String key = vectors.keys().key(r);
      if (seen.get(r) || annotated.contains(key)) {
        continue;
      }
      seen.set(r);
      scored.add(new Scored(key, (float) model.probability(vectors.matrix().row(r)), null));
    }
    List<Scored> top = scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed()).limit(k)
        .map(s -> new Scored(s.key(), s.score(), ClipView.of(corpus.clip(s.key()).orElseThrow(), corpus)))
        .toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", row.version());
    out.put("sampled", scored.size());
    out.put("items", top);
    ctx.json(out);
  }
}

package org.videoannotator.server.review;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.videoannotator.core.vectors.KeyedMatrix;
import org.videoannotator.index.Corpus;
import org.videoannotator.learn.LinearModel;
import org.videoannotator.server.builds.Decision;
import org.videoannotator.server.annotations.AnnotationView;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.clips.ClipView;
import org.videoannotator.server.labels.LabelController;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Label;
import org.videoannotator.server.store.Value;

/**
 * Review of a label's annotations: all, positives, negatives, disagreements (annotators' votes
 * differ) or flipped (the latest model contradicts the label, strongest contradiction first).
 */
public final class ReviewController {
  public static final List<String> FILTERS = List.of("all", "positives", "negatives", "disagreements", "flipped");

  private final Corpus corpus;
  private final AnnotationStore store;
  private final BuildService builds;

  public ReviewController(Corpus corpus, AnnotationStore store, BuildService builds) {
    this.corpus = corpus;
    this.store = store;
    this.builds = builds;
  }

  public void register(JavalinDefaultRouting r) {
    r.get("/api/labels/{label}/review", this::review);
  }

  /** One reviewed annotation. */
  public record ReviewItem(AnnotationView annotation, Float modelScore, ClipView clip) {}

  private record Scored(CurrentAnnotation annotation, Float score, double threshold) {
    /** How strongly the model contradicts the label: distance of its score from the label's side of its threshold. */
    double contradiction() {
      if (score == null) {
        return 0;
      }
      return annotation.value() == Value.YES ? threshold - score : score - threshold;
    }
  }

  private void review(Context ctx) {
    Label label = LabelController.require(store, ctx);
    String filter = Params.oneOf(ctx, "filter", "all", FILTERS);
    int k = Params.integer(ctx, "k", 100, 1, 10_000);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    var latest = builds.latestModel(label.name());
    LinearModel model = latest.map(builds::load).orElse(null);
    double threshold = latest.map(builds::threshold).orElse(Decision.UNCALIBRATED_THRESHOLD);
    KeyedMatrix vectors = corpus.vectors();
    List<Scored> rows = new ArrayList<>();
    for (CurrentAnnotation a : store.current(label.name())) {
      Float score = null;
      int row = vectors.keys().rowOf(a.key());
      if (model != null && row >= 0) {
        score = (float) model.probability(vectors.matrix().row(row));
      }
      rows.add(new Scored(a, score, threshold));
    }
    List<Scored> kept = switch (filter) {
      case "positives" -> rows.stream().filter(s -> s.annotation().value() == Value.YES).toList();
      case "negatives" -> rows.stream().filter(s -> s.annotation().value() == Value.NO).toList();
      case "disagreements" -> rows.stream().filter(s -> s.annotation().disputed()).toList();
      case "flipped" -> rows.stream()
          .filter(s -> s.annotation().value() != Value.UNSURE && s.contradiction() > 0)
          .sorted(Comparator.comparingDouble(Scored::contradiction).reversed())
          .toList();
      default -> rows;
    };
    List<ReviewItem> items = kept.stream().skip(offset).limit(k)
        .map(s -> new ReviewItem(AnnotationView.of(s.annotation()), s.score(),
            corpus.clip(s.annotation().key()).map(c -> ClipView.of(c, corpus)).orElse(null)))
        .toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("filter", filter);
    out.put("total", kept.size());
    out.put("items", items);
    ctx.json(out);
  }
}

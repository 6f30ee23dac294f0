package org.videoannotator.server.feeds;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.videoannotator.index.Corpus;
import org.videoannotator.learn.feeds.FeedRegistry;
import org.videoannotator.server.api.ApiException;
import org.videoannotator.server.api.Params;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.builds.FeedItem;
import org.videoannotator.server.builds.FeedSnapshot;
import org.videoannotator.server.clips.ClipController;
import org.videoannotator.server.clips.ClipView;
import org.videoannotator.server.labels.LabelController;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Label;

/** Pages of a label's feeds from its latest finished build, without clips annotated since. */
public final class FeedController {
  public static final int MAX_K = 500;

  private final Corpus corpus;
  private final AnnotationStore store;
  private final BuildService builds;
  private final AutoFeed autoFeed;

  public FeedController(Corpus corpus, AnnotationStore store, BuildService builds, AutoFeed autoFeed) {
    this.corpus = corpus;
    this.store = store;
    this.builds = builds;
    this.autoFeed = autoFeed;
  }

  public void register(JavalinDefaultRouting r) {
    r.get("/api/labels/{label}/feeds/{feed}", this::feed);
  }

  /** One clip of a feed page; {@code alsoIn}: the other feeds that offer it (omitted when none). */
  public record ItemView(String key, float score, ClipView clip,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
      List<String> alsoIn) {}

  private void feed(Context ctx) {
    Label label = LabelController.require(store, ctx);
    String feed = ctx.pathParam("feed");
    if (!FeedRegistry.isServable(feed)) {
      throw ApiException.notFound("feed", "no feed '" + Params.shorten(feed) + "'; feeds are "
          + FeedRegistry.servable().stream().map(FeedRegistry.FeedInfo::id).toList());
    }
    int k = Params.integer(ctx, "k", 20, 1, MAX_K);
    int offset = Params.integer(ctx, "offset", 0, 0, 1_000_000);
    FeedSnapshot snapshot = builds.latestFeeds(label.name()).orElseThrow(() -> ApiException.conflict("feed",
        "label '" + label.name() + "' has no finished build yet; POST /api/labels/{label}/builds first"));
    String chosen = feed.equals(FeedRegistry.AUTO) ? autoFeed.choose(label.name()) : feed;
    Set<String> annotated = store.current(label.name()).stream().map(CurrentAnnotation::key).collect(Collectors.toSet());
    List<ItemView> items = snapshot.feed(chosen).stream()
        .filter(item -> !annotated.contains(item.key()))
        .skip(offset)
        .limit(k)
        .map(item -> view(item, snapshot.alsoIn(chosen, item.key())))
        .toList();
    if (feed.equals(FeedRegistry.AUTO)) {
      autoFeed.served(label.name(), chosen, items.size());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("label", label.name());
    out.put("feed", feed);
    out.put("chosenFeed", chosen);
    out.put("buildId", snapshot.buildId());
    out.put("modelVersion", snapshot.modelVersion());
    out.put("k", k);
    out.put("offset", offset);
    out.put("items", items);
    ctx.json(out);
  }

  private ItemView view(FeedItem item, List<String> alsoIn) {
    return new ItemView(item.key(), item.score(), ClipView.of(ClipController.require(corpus, item.key(), "key"), corpus),
        alsoIn);
  }
}

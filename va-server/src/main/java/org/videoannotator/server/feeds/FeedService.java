package org.videoannotator.server.feeds;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.videoannotator.index.Corpus;
import org.videoannotator.learn.feeds.FeedRegistry;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.builds.FeedItem;
import org.videoannotator.server.builds.FeedSnapshot;
import org.videoannotator.server.clips.ClipLookup;
import org.videoannotator.server.clips.ClipView;
import org.videoannotator.server.errors.DomainException;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Label;

/**
 * A label's feeds as a feature: pages of the latest finished build's snapshot, without clips
 * annotated since (by anyone), and the {@code auto} feed, which lets {@link AutoFeed} pick the arm
 * and counts what it served. No HTTP: {@link FeedController} parses and answers.
 */
public final class FeedService {
  public static final int MAX_K = 500;

  /** One clip of a feed page; {@code alsoIn}: the other feeds that offer it (omitted when none). */
  public record ItemView(String key, float score, ClipView clip,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> alsoIn) {}

  /** A page of a feed; {@code chosenFeed} is the arm the auto feed picked (else the feed itself). */
  public record FeedPage(String label, String feed, String chosenFeed, long buildId, int modelVersion, int k,
      int offset, List<ItemView> items) {}

  private final Corpus corpus;
  private final AnnotationStore store;
  private final BuildService builds;
  private final AutoFeed autoFeed;

  public FeedService(Corpus corpus, AnnotationStore store, BuildService builds, AutoFeed autoFeed) {
    this.corpus = corpus;
    this.store = store;
    this.builds = builds;
    this.autoFeed = autoFeed;
  }

  /**
   * Items {@code offset .. offset + k} of {@code feed} among the clips nobody has annotated yet.
   *
   * @throws DomainException not found for a feed the registry does not serve; conflict before the
   *     label's first finished build
   */
  public FeedPage page(Label label, String feed, int k, int offset) {
    requireServable(feed);
    FeedSnapshot snapshot = builds.latestFeeds(label.name()).orElseThrow(() -> DomainException.conflict("feed",
        "label '" + label.name() + "' has no finished build yet; POST /api/labels/{label}/builds first"));
    boolean auto = feed.equals(FeedRegistry.AUTO);
    String chosen = auto ? autoFeed.choose(label.name()) : feed;
    Set<String> annotated = store.current(label.name()).stream().map(CurrentAnnotation::key).collect(Collectors.toSet());
    List<ItemView> items = snapshot.feed(chosen).stream()
        .filter(item -> !annotated.contains(item.key()))
        .skip(offset)
        .limit(k)
        .map(item -> view(item, snapshot.alsoIn(chosen, item.key())))
        .toList();
    if (auto) {
      autoFeed.served(label.name(), chosen, items.size());
    }
    return new FeedPage(label.name(), feed, chosen, snapshot.buildId(), snapshot.modelVersion(), k, offset, items);
  }

  /** @throws DomainException not found for a feed the registry does not serve, listing those it does */
  public static void requireServable(String feed) {
    if (!FeedRegistry.isServable(feed)) {
      throw DomainException.notFound("feed", "no feed '" + DomainException.shorten(feed) + "'; feeds are "
          + FeedRegistry.servable().stream().map(FeedRegistry.FeedInfo::id).toList());
    }
  }

  private ItemView view(FeedItem item, List<String> alsoIn) {
    return new ItemView(item.key(), item.score(), ClipView.of(ClipLookup.require(corpus, item.key(), "key"), corpus),
        alsoIn);
  }
}

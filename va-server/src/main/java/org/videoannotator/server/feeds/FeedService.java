package org.videoannotator.server.feeds;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.videoannotator.index.Corpus;
import org.videoannotator.learn.feeds.FeedRegistry;
import org.videoannotator.server.assign.ClipAllocator;
import org.videoannotator.server.assign.Worker;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.builds.FeedItem;
import org.videoannotator.server.builds.FeedSnapshot;
import org.videoannotator.server.clips.ClipLookup;
import org.videoannotator.server.clips.ClipView;
import org.videoannotator.server.errors.DomainException;
import org.videoannotator.server.store.Label;

/**
 * A label's feeds as a feature: pages of the latest finished build's snapshot for one annotator,
 * holding only the clips that still need their vote ({@link ClipAllocator}: not voted on by them,
 * fewer voters than the label's overlap, not claimed by enough teammates), and the {@code auto}
 * feed, which lets {@link AutoFeed} pick the arm and counts what it served. No HTTP: {@link
 * FeedController} parses and answers.
 */
public final class FeedService {
  public static final int MAX_K = 500;

  /** One clip of a feed page; {@code alsoIn}: the other feeds that offer it (omitted when none). */
  public record ItemView(
      String key,
      float score,
      ClipView clip,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> alsoIn) {}

  /**
   * A page of a feed; {@code chosenFeed} is the arm the auto feed picked (else the feed itself);
   * {@code cursor}: the log position the page was chosen at, to poll teammates' votes from.
   */
  public record FeedPage(
      String label,
      String feed,
      String chosenFeed,
      long buildId,
      int modelVersion,
      int k,
      int offset,
      long cursor,
      List<ItemView> items) {}

  private final Corpus corpus;
  private final BuildService builds;
  private final AutoFeed autoFeed;
  private final ClipAllocator allocator;

  public FeedService(
      Corpus corpus, BuildService builds, AutoFeed autoFeed, ClipAllocator allocator) {
    this.corpus = corpus;
    this.builds = builds;
    this.autoFeed = autoFeed;
    this.allocator = allocator;
  }

  /**
   * Items {@code offset .. offset + k} of {@code feed} among the clips that need {@code worker}'s
   * vote, claimed for them for a few minutes.
   *
   * @throws DomainException not found for a feed the registry does not serve; conflict before the
   *     label's first finished build
   */
  public FeedPage page(Label label, Worker worker, String feed, int k, int offset) {
    requireServable(feed);
    FeedSnapshot snapshot =
        builds
            .latestFeeds(label.name())
            .orElseThrow(
                () ->
                    DomainException.conflict(
                        "feed",
                        "label '"
                            + label.name()
                            + "' has no finished build yet; POST /api/labels/{label}/builds first"));
    boolean auto = feed.equals(FeedRegistry.AUTO);
    String chosen = auto ? autoFeed.choose(label.name()) : feed;
    ClipAllocator.Page<FeedItem> page =
        allocator.serve(label.name(), worker, snapshot.feed(chosen), FeedItem::key, offset, k);
    List<ItemView> items =
        page.items().stream().map(item -> view(item, snapshot.alsoIn(chosen, item.key()))).toList();
    if (auto) {
      autoFeed.served(label.name(), chosen, items.size());
    }
    return new FeedPage(
        label.name(),
        feed,
        chosen,
        snapshot.buildId(),
        snapshot.modelVersion(),
        k,
        offset,
        page.cursor(),
        items);
  }

  /**
   * @throws DomainException not found for a feed the registry does not serve, listing those it does
   */
  public static void requireServable(String feed) {
    if (!FeedRegistry.isServable(feed)) {
      throw DomainException.notFound(
          "feed",
          "no feed '"
              + DomainException.shorten(feed)
              + "'; feeds are "
              + FeedRegistry.servable().stream().map(FeedRegistry.FeedInfo::id).toList());
    }
  }

  private ItemView view(FeedItem item, List<String> alsoIn) {
    return new ItemView(
        item.key(),
        item.score(),
        ClipView.of(ClipLookup.require(corpus, item.key(), "key"), corpus),
        alsoIn);
  }
}

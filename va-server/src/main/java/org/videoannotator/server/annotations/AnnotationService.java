package org.videoannotator.server.annotations;

import java.util.List;
import org.videoannotator.server.assign.ClipAllocator;
import org.videoannotator.server.builds.BuildService;
import org.videoannotator.server.errors.DomainException;
import org.videoannotator.server.feeds.AutoFeed;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Counts;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Event;
import org.videoannotator.server.store.Label;
import org.videoannotator.server.store.NewVote;
import org.videoannotator.server.store.Source;
import org.videoannotator.server.store.Value;

/**
 * Annotations of a label as a feature: add votes (and credit the auto feed's arms), the current
 * set, undo, history. No HTTP: {@link AnnotationController} parses and answers.
 */
public final class AnnotationService {
  /** What adding votes did: events stored and the label's counts after them. */
  public record Added(int accepted, List<EventView> events, Counts counts) {}

  /** A label's current annotations. */
  public record CurrentSet(String label, Counts counts, List<AnnotationView> annotations) {}

  /** An undone vote and the counts after it. */
  public record Undone(EventView removed, Counts counts) {}

  /** A page of the log. */
  public record History(List<EventView> events) {}

  private final AnnotationStore store;
  private final BuildService builds;
  private final AutoFeed autoFeed;
  private final ClipAllocator allocator;

  public AnnotationService(
      AnnotationStore store, BuildService builds, AutoFeed autoFeed, ClipAllocator allocator) {
    this.store = store;
    this.builds = builds;
    this.autoFeed = autoFeed;
    this.allocator = allocator;
  }

  /**
   * Stores a validated batch at once (all or nothing), releases the voters' claims on the clips and
   * credits the feeds that offered them.
   */
  public Added add(Label label, List<NewVote> votes) {
    List<Event> events = store.append(label.name(), votes);
    allocator.voted(label.name(), events);
    builds
        .latestFeeds(label.name())
        .ifPresent(snapshot -> autoFeed.record(label.name(), snapshot, events));
    return new Added(
        events.size(),
        events.stream().map(EventView::of).toList(),
        Counts.of(store.current(label.name())));
  }

  public CurrentSet current(Label label) {
    List<CurrentAnnotation> current = store.current(label.name());
    return new CurrentSet(
        label.name(), Counts.of(current), current.stream().map(AnnotationView::of).toList());
  }

  /**
   * Removes {@code annotator}'s current vote on {@code key}; when someone else ({@code actor}, an
   * admin) removes it, the audit trail says so.
   *
   * @throws DomainException not found when the annotator has no current vote on the clip
   */
  public Undone undo(Label label, String key, String annotator, String actor) {
    if (store.currentVote(label.name(), key, annotator).isEmpty()) {
      throw DomainException.notFound(
          "key",
          "annotator '"
              + annotator
              + "' has no current annotation of clip '"
              + DomainException.shorten(key)
              + "' for label '"
              + label.name()
              + "'");
    }
    if (!actor.equals(annotator)) {
      store
          .users()
          .audit(
              actor,
              "vote-removed",
              "label " + label.name() + ", clip " + key + ", annotator " + annotator);
    }
    Event removed =
        store
            .append(
                label.name(), List.of(new NewVote(key, Value.REMOVED, annotator, Source.undo())))
            .getFirst();
    return new Undone(EventView.of(removed), Counts.of(store.current(label.name())));
  }

  /**
   * @param key only this clip's events, or null; @param annotator only theirs, or null
   */
  public History history(Label label, String key, String annotator, int limit, int offset) {
    return new History(
        store.history(label.name(), key, annotator, limit, offset).stream()
            .map(EventView::of)
            .toList());
  }
}

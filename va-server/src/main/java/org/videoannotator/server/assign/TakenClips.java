package org.videoannotator.server.assign;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Assignment;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Event;

/**
 * The clips teammates took from an annotator since a log cursor: clips voted on after it that now
 * have all the votes the overlap asks for, none of them the annotator's. The UI polls this to drop
 * them from the pages it shows (see the README, "Teams", for why polling and not a push).
 */
public final class TakenClips {
  /** Events read per poll: a client far behind catches up over a few polls. */
  public static final int MAX_EVENTS = 5_000;

  /** The clips taken since {@code after}, and the cursor to ask from next time. */
  public record Taken(String label, long after, long cursor, List<String> keys) {}

  private final AnnotationStore store;

  public TakenClips(AnnotationStore store) {
    this.store = store;
  }

  public Taken since(String label, String annotator, long after) {
    List<Event> events = store.eventsAfter(label, after, MAX_EVENTS);
    if (events.isEmpty()) {
      return new Taken(label, after, after, List.of());
    }
    Assignment assignment = store.assignments().of(label);
    Map<String, CurrentAnnotation> current = ClipAllocator.byKey(store.current(label));
    Set<String> taken = new LinkedHashSet<>();
    for (Event e : events) {
      CurrentAnnotation a = current.get(e.key());
      if (assignment.complete(a) && !a.votes().containsKey(annotator)) {
        taken.add(e.key());
      }
    }
    return new Taken(label, after, events.getLast().id(), List.copyOf(taken));
  }
}

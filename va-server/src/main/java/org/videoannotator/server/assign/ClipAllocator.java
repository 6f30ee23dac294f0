package org.videoannotator.server.assign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Assignment;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Event;
import org.videoannotator.server.store.Value;

/**
 * Which clips an annotator is served: those that still need their vote. A clip needs {@code X}'s
 * vote while {@code X} has not voted on it and its distinct voters plus the teammates holding a
 * lease on it ({@link ClipLeases}) are fewer than the label's overlap. Serving a page claims its
 * clips for {@code X}, in the same step as choosing them, so two annotators asking at once get
 * disjoint pages while the overlap is met; a vote releases the voter's claim.
 *
 * <p>With overlap 1 and one annotator this is the rule the feeds had before teams: a clip anyone
 * annotated is not served again (one's own leases never hide clips from oneself).
 */
public final class ClipAllocator {
  /**
   * A page chosen for one annotator: its items, how many candidates needed them in all, the log
   * cursor.
   */
  public record Page<T>(List<T> items, int available, long cursor) {}

  private final AnnotationStore store;
  private final ClipLeases leases;
  // Choosing and claiming a label's page is one step per label; labels do not wait on each other.
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public ClipAllocator(AnnotationStore store, ClipLeases leases) {
    this.store = store;
    this.leases = leases;
  }

  /**
   * Items {@code offset .. offset + k} of {@code candidates} (in their order) that need {@code
   * worker}'s vote on {@code label}, claimed for them (unless they may not vote).
   *
   * @param cursor the log head read before the votes the choice saw: polling {@link TakenClips}
   *     from it reports every clip a teammate takes afterwards
   */
  public <T> Page<T> serve(
      String label,
      Worker worker,
      List<T> candidates,
      Function<T, String> keyOf,
      int offset,
      int k) {
    synchronized (locks.computeIfAbsent(label, l -> new Object())) {
      long cursor = store.head(label);
      int overlap = store.assignments().of(label).overlap();
      Map<String, CurrentAnnotation> current = byKey(store.current(label));
      List<T> page = new ArrayList<>(Math.min(k, candidates.size()));
      int available = 0;
      for (T candidate : candidates) {
        String key = keyOf.apply(candidate);
        if (!needsVote(label, key, current.get(key), worker.name(), overlap)) {
          continue;
        }
        if (available >= offset && page.size() < k) {
          page.add(candidate);
        }
        available++;
      }
      if (worker.claims()) {
        leases.claim(label, worker.name(), page.stream().map(keyOf).toList());
      }
      return new Page<>(List.copyOf(page), available, cursor);
    }
  }

  /**
   * Whether {@code annotator} should still vote on {@code key}, counting teammates' live leases.
   */
  boolean needsVote(
      String label, String key, CurrentAnnotation annotation, String annotator, int overlap) {
    Map<String, Value> votes = annotation == null ? Map.of() : annotation.votes();
    if (votes.containsKey(annotator) || votes.size() >= overlap) {
      return false;
    }
    // A holder who has voted since is counted once, as a voter.
    long holding =
        leases.holdersOtherThan(label, key, annotator).stream()
            .filter(h -> !votes.containsKey(h))
            .count();
    return votes.size() + holding < overlap;
  }

  /**
   * Releases the voters' leases on the clips of fresh events, and every lease on clips now
   * complete.
   */
  public void voted(String label, List<Event> events) {
    if (events.isEmpty()) {
      return;
    }
    Assignment assignment = store.assignments().of(label);
    Map<String, CurrentAnnotation> current = byKey(store.current(label));
    for (Event e : events) {
      leases.release(label, e.key(), e.annotator());
      if (assignment.complete(current.get(e.key()))) {
        leases.releaseAll(label, e.key());
      }
    }
  }

  static Map<String, CurrentAnnotation> byKey(List<CurrentAnnotation> current) {
    Map<String, CurrentAnnotation> out = new HashMap<>(current.size() * 2);
    for (CurrentAnnotation a : current) {
      out.put(a.key(), a);
    }
    return out;
  }
}

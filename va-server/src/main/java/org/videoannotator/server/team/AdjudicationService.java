package org.videoannotator.server.team;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.videoannotator.index.Corpus;
import org.videoannotator.server.annotations.AnnotationView;
import org.videoannotator.server.annotations.EventView;
import org.videoannotator.server.clips.ClipView;
import org.videoannotator.server.errors.DomainException;
import org.videoannotator.server.store.AnnotationStore;
import org.videoannotator.server.store.Consensus;
import org.videoannotator.server.store.Counts;
import org.videoannotator.server.store.CurrentAnnotation;
import org.videoannotator.server.store.Event;
import org.videoannotator.server.store.Value;

/**
 * Adjudication of a label's disagreements: the queue (clips with both a yes and a no vote),
 * settling a clip with a final answer and a note, and undoing a settlement. A settlement is the
 * clip's consensus while it stands, so builds, exports and counts use it. No HTTP.
 */
public final class AdjudicationService {
  /** Which part of the queue: disputed clips not yet settled, settled clips, or both. */
  public enum State {
    OPEN,
    SETTLED,
    ALL;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> wireNames() {
      return Arrays.stream(values()).map(State::wire).toList();
    }

    public static State of(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }

  /** One clip of the queue: its votes, the majority's answer and any settlement. */
  public record QueueItem(AnnotationView annotation, String majority, ClipView clip) {}

  /** A page of the queue, and the sizes of its open and settled parts. */
  public record Queue(
      String label, String state, int open, int settled, int total, List<QueueItem> items) {}

  /**
   * What a settle or undo wrote to the log, the clip's annotation after it and the label's counts.
   */
  public record Outcome(EventView event, AnnotationView annotation, Counts counts) {}

  /** Longest note kept with a settlement. */
  public static final int MAX_NOTE = 1000;

  private final Corpus corpus;
  private final AnnotationStore store;

  public AdjudicationService(Corpus corpus, AnnotationStore store) {
    this.corpus = corpus;
    this.store = store;
  }

  public Queue queue(String label, State state, int k, int offset) {
    List<CurrentAnnotation> current = store.current(label);
    List<CurrentAnnotation> open =
        current.stream().filter(a -> a.disputed() && !a.settled()).toList();
    List<CurrentAnnotation> settled = current.stream().filter(CurrentAnnotation::settled).toList();
    List<CurrentAnnotation> chosen =
        switch (state) {
          case OPEN -> open;
          case SETTLED -> settled;
          case ALL -> current.stream().filter(a -> a.disputed() || a.settled()).toList();
        };
    List<QueueItem> items = chosen.stream().skip(offset).limit(k).map(this::item).toList();
    return new Queue(label, state.wire(), open.size(), settled.size(), chosen.size(), items);
  }

  private QueueItem item(CurrentAnnotation a) {
    return new QueueItem(
        AnnotationView.of(a),
        Consensus.of(List.copyOf(a.votes().values())).wire(),
        corpus.clip(a.key()).map(c -> ClipView.of(c, corpus)).orElse(null));
  }

  /**
   * Settles a clip that has votes with {@code value}, yes or no; settling again replaces the
   * standing settlement.
   *
   * @throws DomainException invalid value or note, or not found when nobody voted on the clip
   */
  public Outcome settle(String label, String key, String value, String note, String actor) {
    Value v =
        Value.parseVote(value)
            .filter(x -> x != Value.UNSURE)
            .orElseThrow(
                () ->
                    DomainException.invalid(
                        "value",
                        "value must be yes or no (the clip's final answer), got '"
                            + DomainException.shorten(String.valueOf(value))
                            + "'"));
    String n = note == null ? null : note.strip();
    if (n != null
        && (n.length() > MAX_NOTE
            || n.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n'))) {
      throw DomainException.invalid(
          "note", "note must be at most " + MAX_NOTE + " printable characters");
    }
    votedOn(label, key);
    return outcome(
        label, key, store.settle(label, key, v, actor, n == null || n.isEmpty() ? null : n));
  }

  /**
   * Undoes the standing settlement of a clip: its votes' majority is its consensus again.
   *
   * @throws DomainException not found when the clip has no standing settlement
   */
  public Outcome undo(String label, String key, String actor) {
    CurrentAnnotation a = votedOn(label, key);
    if (!a.settled()) {
      throw DomainException.notFound(
          "key",
          "clip '"
              + DomainException.shorten(key)
              + "' of label '"
              + label
              + "' has no settlement to undo");
    }
    return outcome(label, key, store.unsettle(label, key, actor));
  }

  private CurrentAnnotation votedOn(String label, String key) {
    return find(label, key)
        .orElseThrow(
            () ->
                DomainException.notFound(
                    "key",
                    "nobody has voted on clip '"
                        + DomainException.shorten(key)
                        + "' for label '"
                        + label
                        + "'; only clips with votes can be settled"));
  }

  private Optional<CurrentAnnotation> find(String label, String key) {
    return store.current(label).stream().filter(a -> a.key().equals(key)).findFirst();
  }

  private Outcome outcome(String label, String key, Event event) {
    List<CurrentAnnotation> current = store.current(label);
    AnnotationView view =
        current.stream()
            .filter(a -> a.key().equals(key))
            .findFirst()
            .map(AnnotationView::of)
            .orElse(null);
    return new Outcome(EventView.of(event), view, Counts.of(current));
  }
}

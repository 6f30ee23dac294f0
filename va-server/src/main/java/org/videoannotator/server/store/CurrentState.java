package org.videoannotator.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The current annotations of one label, projected from the log and kept up to date by applying new
 * events (in any order: per clip and annotator the highest event id wins), so reading the current
 * set does not re-read the whole log. Thread-safe.
 */
final class CurrentState {
  /** One annotator's latest vote on a clip. */
  private record Vote(String annotator, Value value, Instant time, Source source, long id) {}

  private final long labelId;
  private final Map<String, Map<String, Vote>> byKey = new HashMap<>();
  private long maxId;
  // The projection kept per clip, so a write re-projects its own clips, not the whole label:
  // clips changed since the last snapshot, each live clip's annotation and last event id, and
  // the live clips by last event id (the snapshot's order).
  private final Set<String> dirty = new HashSet<>();
  private final Map<String, CurrentAnnotation> annotations = new HashMap<>();
  private final Map<String, Long> lastIds = new HashMap<>();
  private final TreeMap<Long, String> byLastId = new TreeMap<>();
  private List<CurrentAnnotation> snapshot;

  private CurrentState(long labelId) {
    this.labelId = labelId;
  }

  /** Reads the latest vote of every (clip, annotator) of a live label (id {@code labelId}). */
  static CurrentState load(Connection c, String labelName, long labelId) throws SQLException {
    CurrentState state = new CurrentState(labelId);
    String sql =
        "SELECT e.clip_key, e.value, e.annotator, e.time, e.source, e.id FROM events e"
            + " JOIN (SELECT max(e2.id) AS id FROM events e2 JOIN labels l ON l.id=e2.label_id"
            + "       WHERE l.name=? AND l.deleted=0 GROUP BY e2.clip_key, e2.annotator) m ON m.id=e.id";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, labelName);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          state.put(
              rs.getString(1),
              new Vote(
                  rs.getString(3),
                  Value.fromWire(rs.getString(2)),
                  Instant.parse(rs.getString(4)),
                  AnnotationStore.fromJson(rs.getString(5), Source.class),
                  rs.getLong(6)));
        }
      }
    }
    return state;
  }

  /** The id of the label this state belongs to (a label deleted and made anew gets a new one). */
  long labelId() {
    return labelId;
  }

  /** The highest event id seen for the label. */
  synchronized long maxId() {
    return maxId;
  }

  /** Votes held: one per (clip, annotator) that has voted. */
  synchronized int voteCount() {
    return byKey.values().stream().mapToInt(Map::size).sum();
  }

  synchronized void apply(List<Event> events) {
    for (Event e : events) {
      put(e.key(), new Vote(e.annotator(), e.value(), e.time(), e.source(), e.id()));
    }
  }

  private void put(String key, Vote vote) {
    Map<String, Vote> votes = byKey.computeIfAbsent(key, k -> new HashMap<>());
    Vote old = votes.get(vote.annotator());
    if (old == null || old.id() < vote.id()) {
      votes.put(vote.annotator(), vote);
      dirty.add(key);
      snapshot = null;
    }
    maxId = Math.max(maxId, vote.id());
  }

  /** Current annotations, most recently updated first (cached until the next change). */
  synchronized List<CurrentAnnotation> snapshot() {
    if (snapshot != null) {
      return snapshot;
    }
    for (String key : dirty) {
      reproject(key);
    }
    dirty.clear();
    List<CurrentAnnotation> out = new ArrayList<>(byLastId.size());
    for (String key : byLastId.descendingMap().values()) {
      out.add(annotations.get(key));
    }
    snapshot = List.copyOf(out);
    return snapshot;
  }

  /** Recomputes one clip's annotation from its annotators' latest votes and its settlement. */
  private void reproject(String key) {
    Long previous = lastIds.remove(key);
    if (previous != null) {
      byLastId.remove(previous);
    }
    annotations.remove(key);
    List<Vote> live =
        byKey.get(key).values().stream()
            .filter(v -> v.value() != Value.REMOVED)
            .sorted(Comparator.comparingLong(Vote::id))
            .toList();
    if (live.isEmpty()) {
      return;
    }
    Map<String, Value> votes = new LinkedHashMap<>();
    Settlement settlement = null;
    // Where the clip was shown is the latest vote's source, not a settlement's: the build's
    // estimates pick the random feed's answers by it.
    Source shown = null;
    for (Vote v : live) {
      if (v.annotator().equals(Settlement.ANNOTATOR)) {
        settlement = new Settlement(v.value(), v.source().by(), v.source().note(), v.time());
      } else {
        votes.put(v.annotator(), v.value());
        shown = v.source();
      }
    }
    Value value =
        settlement != null ? settlement.value() : Consensus.of(List.copyOf(votes.values()));
    Vote last = live.getLast();
    annotations.put(
        key,
        new CurrentAnnotation(
            key, value, votes, last.time(), shown != null ? shown : last.source(), settlement));
    lastIds.put(key, last.id());
    byLastId.put(last.id(), key);
  }
}

package org.videoannotator.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current annotations of one label, projected from the log and kept up to date by applying new
 * events (in any order: per clip and annotator the highest event id wins), so reading the current
 * set does not re-read the whole log. Thread-safe.
 */
final class CurrentState {
  /** One annotator's latest vote on a clip. */
  private record Vote(String annotator, Value value, Instant time, Source source, long id) {}

  private final Map<String, Map<String, Vote>> byKey = new HashMap<>();
  private long maxId;
  private List<CurrentAnnotation> snapshot;

  /** Reads the latest vote of every (clip, annotator) of a live label. */
  static CurrentState load(Connection c, String labelName) throws SQLException {
    CurrentState state = new CurrentState();
    String sql =
        "SELECT e.clip_key, e.value, e.annotator, e.time, e.source, e.id FROM events e"
            + " JOIN (SELECT max(e2.id) AS id FROM events e2 JOIN labels l ON l.id=e2.label_id"
            + "       WHERE l.name=? AND l.deleted=0 GROUP BY e2.clip_key, e2.annotator) m ON m.id=e.id";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, labelName);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          state.put(rs.getString(1), new Vote(rs.getString(3), Value.fromWire(rs.getString(2)),
              Instant.parse(rs.getString(4)), AnnotationStore.fromJson(rs.getString(5), Source.class), rs.getLong(6)));
        }
      }
    }
    return state;
  }

  /** The highest event id seen for the label. */
  synchronized long maxId() {
    return maxId;
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
      snapshot = null;
    }
    maxId = Math.max(maxId, vote.id());
  }

  /** Current annotations, most recently updated first (cached until the next change). */
  synchronized List<CurrentAnnotation> snapshot() {
    if (snapshot != null) {
      return snapshot;
    }
    record Row(CurrentAnnotation annotation, long lastId) {}
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, Vote>> e : byKey.entrySet()) {
      List<Vote> live = e.getValue().values().stream().filter(v -> v.value() != Value.REMOVED)
          .sorted(Comparator.comparingLong(Vote::id)).toList();
      if (live.isEmpty()) {
        continue;
      }
      Map<String, Value> votes = new LinkedHashMap<>();
      live.forEach(v -> votes.put(v.annotator(), v.value()));
      Vote last = live.getLast();
      rows.add(new Row(new CurrentAnnotation(e.getKey(), Consensus.of(live.stream().map(Vote::value).toList()), votes,
          last.time(), last.source()), last.id()));
    }
    rows.sort(Comparator.comparingLong(Row::lastId).reversed());
    snapshot = rows.stream().map(Row::annotation).toList();
    return snapshot;
  }
}

package org.videoannotator.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.videoannotator.core.Json;
import org.videoannotator.core.UserException;

/**
 * The annotation store of one corpus: labels and the append-only log of annotation events in SQLite
 * ({@code annotations.db} in the corpus folder). Current annotations are derived from the log: for
 * each (label, clip, annotator) the latest event counts, and a {@code removed} event undoes that
 * annotator's vote. Every write method returns only after its transaction is durable. Thread-safe.
 */
public final class AnnotationStore implements AutoCloseable {
  /** Appends of more votes than this (import chunks, large batches) are committed on their own. */
  private static final int BULK_VOTES = 100;

  private final Database db;
  private final ModelVersions models;
  private final UserStore users;
  private final AssignmentStore assignments;
  private final Map<String, CurrentState> states = new ConcurrentHashMap<>();
  // One projection of a label's log at a time: readers arriving while it runs wait for it.
  private final Map<String, Object> projecting = new ConcurrentHashMap<>();
  // Events read from the log to project current annotations (whole-log loads and catch-ups).
  private final LongAdder eventsRead = new LongAdder();

  private AnnotationStore(Database db) {
    this.db = db;
    this.models = new ModelVersions(db, this);
    this.users = new UserStore(db);
    this.assignments = new AssignmentStore(db, this);
  }

  /** Opens (creating and migrating as needed) the database file. */
  public static AnnotationStore open(Path file) {
    return new AnnotationStore(new Database(file));
  }

  /** Accounts and the audit trail. */
  public UserStore users() {
    return users;
  }

  /** Each label's overlap and assignees. */
  public AssignmentStore assignments() {
    return assignments;
  }

  /**
   * Builds and feed rewards, in the same database, with the build documents read and written as
   * {@code resultType} and {@code trainingType} (the build service's records).
   */
  public <R, T> BuildStore<R, T> builds(Class<R> resultType, Class<T> trainingType) {
    return new BuildStore<>(db, this, resultType, trainingType);
  }

  /** Saved model versions, in the same database. */
  public ModelVersions models() {
    return models;
  }

  public int schemaVersion() {
    return db.schemaVersion();
  }

  // ---- labels

  /** Whether {@code name} is a deleted label (creating it again revives its history). */
  public boolean isDeletedLabel(String name) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT deleted FROM labels WHERE name=?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() && rs.getInt(1) != 0;
            }
          }
        });
  }

  /** Creates a label, or revives a deleted one of that name with the new description. */
  public Label createLabel(String name, String description, List<String> keywords) {
    return db.write(
        c -> {
          Optional<Long> existing = Optional.empty();
          boolean deleted = false;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT id, deleted FROM labels WHERE name=?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                existing = Optional.of(rs.getLong(1));
                deleted = rs.getInt(2) != 0;
              }
            }
          }
          if (existing.isPresent() && !deleted) {
            throw new DuplicateLabelException(name);
          }
          String now = Instant.now().toString();
          if (existing.isPresent()) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE labels SET description=?, keywords=?, created=?, deleted=0 WHERE id=?")) {
              ps.setString(1, description);
              ps.setString(2, toJson(keywords));
              ps.setString(3, now);
              ps.setLong(4, existing.get());
              ps.executeUpdate();
            }
          } else {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO labels(name, description, keywords, created) VALUES (?,?,?,?)")) {
              ps.setString(1, name);
              ps.setString(2, description);
              ps.setString(3, toJson(keywords));
              ps.setString(4, now);
              ps.executeUpdate();
            }
          }
          return labelIn(c, name).orElseThrow();
        });
  }

  /** The live label of that name. */
  public Optional<Label> label(String name) {
    return db.read(c -> labelIn(c, name));
  }

  /** Live labels sorted by name. */
  public List<Label> labels() {
    return db.read(
        c -> {
          List<Label> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT id, name, description, keywords, created FROM labels WHERE deleted=0 ORDER BY name")) {
            while (rs.next()) {
              out.add(label(rs));
            }
          }
          return out;
        });
  }

  /** Changes description and/or keywords (null = keep); empty if the label does not exist. */
  public Optional<Label> updateLabel(String name, String description, List<String> keywords) {
    return db.write(
        c -> {
          if (labelIn(c, name).isEmpty()) {
            return Optional.empty();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE labels SET description=coalesce(?, description), keywords=coalesce(?, keywords)"
                      + " WHERE name=? AND deleted=0")) {
            ps.setString(1, description);
            ps.setString(2, keywords == null ? null : toJson(keywords));
            ps.setString(3, name);
            ps.executeUpdate();
          }
          return labelIn(c, name);
        });
  }

  /** Soft-deletes a label (its log is kept); false if there was no live label of that name. */
  public boolean deleteLabel(String name) {
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE labels SET deleted=1 WHERE name=? AND deleted=0")) {
            ps.setString(1, name);
            return ps.executeUpdate() == 1;
          }
        });
  }

  // ---- events

  /**
   * Appends votes for a live label in one transaction. The caller has validated keys and values.
   *
   * @throws IllegalArgumentException when the label does not exist
   * @throws UserException when a vote is cast under the settlements' reserved name
   */
  public List<Event> append(String labelName, List<NewVote> votes) {
    for (NewVote v : votes) {
      if (v.annotator().equals(Settlement.ANNOTATOR)) {
        throw new UserException(
            "annotator '"
                + Settlement.ANNOTATOR
                + "' is reserved for settlements of"
                + " disagreements; vote under another name");
      }
    }
    return appendAndAudit(labelName, votes, null);
  }

  /**
   * Settles a clip of a live label with {@code value} (yes or no): one event in the log, under
   * {@link Settlement#ANNOTATOR}, and one audit entry, in one transaction. The settled value is the
   * clip's consensus until {@link #unsettle}.
   */
  public Event settle(String labelName, String key, Value value, String by, String note) {
    if (value != Value.YES && value != Value.NO) {
      throw new IllegalArgumentException("a settlement is yes or no, got " + value);
    }
    NewVote settlement = new NewVote(key, value, Settlement.ANNOTATOR, Source.settle(by, note));
    return appendAndAudit(
            labelName,
            List.of(settlement),
            new Audited(
                by,
                "settled",
                "label "
                    + labelName
                    + ", clip "
                    + key
                    + ": "
                    + value.wire()
                    + (note == null || note.isEmpty() ? "" : " (" + note + ")")))
        .getFirst();
  }

  /**
   * Undoes the standing settlement of a clip (a {@code removed} event, audited); the votes'
   * consensus counts again.
   */
  public Event unsettle(String labelName, String key, String by) {
    NewVote undo = new NewVote(key, Value.REMOVED, Settlement.ANNOTATOR, Source.settle(by, null));
    return appendAndAudit(
            labelName,
            List.of(undo),
            new Audited(by, "settlement-undone", "label " + labelName + ", clip " + key))
        .getFirst();
  }

  /** An audit entry written in the same transaction as the events it records. */
  private record Audited(String actor, String action, String detail) {}

  private List<Event> appendAndAudit(String labelName, List<NewVote> votes, Audited audited) {
    Database.SqlWork<List<Event>> insert =
        c -> {
          Label label =
              labelIn(c, labelName).orElseThrow(() -> new UnknownLabelException(labelName));
          List<Event> out = new ArrayList<>(votes.size());
          Instant now = Instant.now();
          String time = now.toString();
          // An import's rows share one source: written once, not once a row (this runs on the
          // writer
          // thread, which every other vote waits for).
          Map<Source, String> sourceJson = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO events(label_id, clip_key, value, annotator, time, source) VALUES (?,?,?,?,?,?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            for (NewVote v : votes) {
              ps.setLong(1, label.id());
              ps.setString(2, v.key());
              ps.setString(3, v.value().wire());
              ps.setString(4, v.annotator());
              ps.setString(5, time);
              ps.setString(6, sourceJson.computeIfAbsent(v.source(), AnnotationStore::toJson));
              ps.executeUpdate();
              try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                out.add(
                    new Event(
                        keys.getLong(1),
                        labelName,
                        v.key(),
                        v.value(),
                        v.annotator(),
                        now,
                        v.source()));
              }
            }
          }
          if (audited != null) {
            UserStore.audit(c, audited.actor(), audited.action(), audited.detail());
          }
          return out;
        };
    List<Event> events = votes.size() > BULK_VOTES ? db.writeBulk(insert) : db.write(insert);
    CurrentState state = states.get(labelName);
    if (state != null) {
      state.apply(events);
    }
    return events;
  }

  /** Current annotations of a label, most recently updated first (empty for an unknown label). */
  public List<CurrentAnnotation> current(String labelName) {
    LogHead head = db.read(c -> logHead(c, labelName));
    CurrentState state = states.get(labelName);
    if (state == null || state.labelId() != head.labelId()) {
      // First read, or the label was deleted (or revived): project from the log. A state ahead
      // of the head read above is not stale: a writer applied its events since. Re-projecting
      // then put a whole-log read on a write whenever two writers overlapped.
      state = project(labelName, head.labelId());
    }
    if (state.maxId() < head.maxId()) {
      // Events committed but not applied here yet (another writer's, in flight): apply just
      // those. Reloading the whole log here made writes slow down as the log grew.
      catchUp(state, labelName, state.maxId());
    }
    return state.snapshot();
  }

  private void catchUp(CurrentState state, String labelName, long afterId) {
    List<Event> missed = db.read(c -> eventsAfter(c, state.labelId(), labelName, afterId, -1));
    eventsRead.add(missed.size());
    state.apply(missed);
  }

  /** Projects a label's log once, however many readers ask at the same time. */
  private CurrentState project(String labelName, long labelId) {
    synchronized (projecting.computeIfAbsent(labelName, k -> new Object())) {
      CurrentState state = states.get(labelName);
      if (state != null && state.labelId() == labelId) {
        return state; // projected by the reader we waited for
      }
      state = db.read(c -> CurrentState.load(c, labelName, labelId));
      long loadedUpTo = state.maxId();
      eventsRead.add(state.voteCount());
      states.put(labelName, state);
      // A writer that committed after the load's snapshot but before the put applied its events to
      // no state: read them now, or a later writer's higher id would hide them from catchUp.
      catchUp(state, labelName, loadedUpTo);
      return state;
    }
  }

  /**
   * Events read from the log so far to keep current annotations (for tests: a write must not read
   * the log).
   */
  long eventsReadForCurrent() {
    return eventsRead.sum();
  }

  /** A live label's id (0 when there is none) and the highest event id of its log. */
  private record LogHead(long labelId, long maxId) {}

  private static LogHead logHead(Connection c, String labelName) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT l.id, (SELECT coalesce(max(e.id), 0) FROM events e WHERE e.label_id = l.id)"
                + " FROM labels l WHERE l.name=? AND l.deleted=0")) {
      ps.setString(1, labelName);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new LogHead(rs.getLong(1), rs.getLong(2)) : new LogHead(0, 0);
      }
    }
  }

  /**
   * @param limit at most this many (-1: all, SQLite's "no limit")
   */
  private static List<Event> eventsAfter(
      Connection c, long labelId, String labelName, long afterId, int limit) throws SQLException {
    List<Event> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, clip_key, value, annotator, time, source FROM events WHERE label_id=? AND id>? ORDER BY id LIMIT ?")) {
      ps.setLong(1, labelId);
      ps.setLong(2, afterId);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(event(rs, labelName));
        }
      }
    }
    return out;
  }

  /**
   * The highest event id of a live label's log (0 for none): a cursor that {@link #eventsAfter}
   * reads on from. Read it before {@link #current} and nothing written in between is missed.
   */
  public long head(String labelName) {
    return db.read(c -> logHead(c, labelName)).maxId();
  }

  /** At most {@code limit} events of a live label with ids above {@code afterId}, oldest first. */
  public List<Event> eventsAfter(String labelName, long afterId, int limit) {
    return db.read(
        c -> {
          long labelId = logHead(c, labelName).labelId();
          return eventsAfter(c, labelId, labelName, afterId, limit);
        });
  }

  /** The annotator's current vote on a clip, if any. */
  public Optional<Value> currentVote(String labelName, String key, String annotator) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT e.value FROM events e JOIN labels l ON l.id=e.label_id"
                      + " WHERE l.name=? AND l.deleted=0 AND e.clip_key=? AND e.annotator=?"
                      + " ORDER BY e.id DESC LIMIT 1")) {
            ps.setString(1, labelName);
            ps.setString(2, key);
            ps.setString(3, annotator);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              Value v = Value.fromWire(rs.getString(1));
              return v == Value.REMOVED ? Optional.<Value>empty() : Optional.of(v);
            }
          }
        });
  }

  /** Events of a label, newest first, optionally for one clip and/or annotator. */
  public List<Event> history(
      String labelName, String key, String annotator, int limit, int offset) {
    return db.read(
        c -> {
          StringBuilder sql =
              new StringBuilder(
                  "SELECT e.id, e.clip_key, e.value, e.annotator, e.time, e.source FROM events e"
                      + " JOIN labels l ON l.id=e.label_id WHERE l.name=? AND l.deleted=0");
          List<String> args = new ArrayList<>(List.of(labelName));
          if (key != null) {
            sql.append(" AND e.clip_key=?");
            args.add(key);
          }
          if (annotator != null) {
            sql.append(" AND e.annotator=?");
            args.add(annotator);
          }
          sql.append(" ORDER BY e.id DESC LIMIT ? OFFSET ?");
          List<Event> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String a : args) {
              ps.setString(i++, a);
            }
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(event(rs, labelName));
              }
            }
          }
          return out;
        });
  }

  /** Number of events in the whole log (all labels). */
  public long eventCount() {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT count(*) FROM events")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public void close() {
    db.close();
  }

  // ---- helpers shared with BuildStore and ModelVersions

  /** The id of the live label {@code name}; {@link UnknownLabelException} when there is none. */
  long liveLabelId(Connection c, String name) throws SQLException {
    return labelIn(c, name).orElseThrow(() -> new UnknownLabelException(name)).id();
  }

  Optional<Label> labelIn(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, name, description, keywords, created FROM labels WHERE name=? AND deleted=0")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(label(rs)) : Optional.empty();
      }
    }
  }

  /** An event from a row of {@code id, clip_key, value, annotator, time, source}. */
  private static Event event(ResultSet rs, String labelName) throws SQLException {
    return new Event(
        rs.getLong(1),
        labelName,
        rs.getString(2),
        Value.fromWire(rs.getString(3)),
        rs.getString(4),
        Instant.parse(rs.getString(5)),
        fromJson(rs.getString(6), Source.class));
  }

  private static Label label(ResultSet rs) throws SQLException {
    List<String> keywords = fromJson(rs.getString(4), new TypeReference<List<String>>() {});
    return new Label(
        rs.getLong(1), rs.getString(2), rs.getString(3), keywords, Instant.parse(rs.getString(5)));
  }

  static String toJson(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value, e);
    }
  }

  static <T> T fromJson(String json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt JSON in annotations.db: " + json, e);
    }
  }

  static <T> T fromJson(String json, TypeReference<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt JSON in annotations.db: " + json, e);
    }
  }
}

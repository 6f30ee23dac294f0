package org.videoannotator.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds and the auto-feed bandit's counters, stored beside the annotations. A build is kept as two
 * JSON documents whose types belong to the build service ({@code R}: its status, {@code T}: its
 * training sets and feeds); this class persists them and hands them back typed, so the store needs
 * no knowledge of what a build holds (and does not depend on the builds package).
 */
public final class BuildStore<R, T> {
  private static final String BUILD_COLUMNS =
      "b.id, l.name, b.status, b.created, b.finished, b.result";

  private final Database db;
  private final AnnotationStore labels;
  private final Class<R> resultType;
  private final Class<T> trainingType;

  BuildStore(Database db, AnnotationStore labels, Class<R> resultType, Class<T> trainingType) {
    this.db = db;
    this.labels = labels;
    this.resultType = resultType;
    this.trainingType = trainingType;
  }

  /** Records a new queued build of a live label and returns its id. */
  public long insert(String labelName, R result) {
    return db.write(
        c -> {
          long labelId = labels.liveLabelId(c, labelName);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO builds(label_id, status, created, result) VALUES (?, 'queued', ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, labelId);
            ps.setString(2, Instant.now().toString());
            ps.setString(3, Documents.json(result));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /**
   * Stores a build's new status and documents; {@code finished} may be null while it runs, {@code
   * training} null to keep the stored one.
   */
  public void update(long id, String status, Instant finished, R result, T training) {
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE builds SET status=?, finished=?, result=?, training=coalesce(?, training) WHERE id=?")) {
            ps.setString(1, status);
            ps.setString(2, finished == null ? null : finished.toString());
            ps.setString(3, Documents.json(result));
            ps.setString(4, training == null ? null : Documents.json(training));
            ps.setLong(5, id);
            return ps.executeUpdate();
          }
        });
  }

  /** Marks builds left queued or running by a previous process as failed; returns how many. */
  public int failUnfinished(String reason) {
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE builds SET status='failed', finished=?,"
                      + " result=json_set(result, '$.error', ?, '$.status', 'failed', '$.stage', 'interrupted')"
                      + " WHERE status IN ('queued','running')")) {
            ps.setString(1, Instant.now().toString());
            ps.setString(2, reason);
            return ps.executeUpdate();
          }
        });
  }

  public Optional<BuildRow<R>> build(long id) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + BUILD_COLUMNS
                      + " FROM builds b JOIN labels l ON l.id=b.label_id WHERE b.id=?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(buildRow(rs)) : Optional.empty();
            }
          }
        });
  }

  /**
   * The training document of build {@code id} (read apart from the row: it holds every trained key
   * and every feed, which listing builds does not need); empty before the build finished.
   */
  public Optional<T> training(long id) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT training FROM builds WHERE id=?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              String json = rs.next() ? rs.getString(1) : null;
              // '{}' is the column's default: a build that has not finished has no training
              // document.
              return json == null || json.equals("{}")
                  ? Optional.<T>empty()
                  : Optional.of(Documents.read(json, trainingType));
            }
          }
        });
  }

  /** All builds of a live label, oldest first. */
  public List<BuildRow<R>> builds(String labelName) {
    return db.read(
        c -> {
          List<BuildRow<R>> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + BUILD_COLUMNS
                      + " FROM builds b JOIN labels l ON l.id=b.label_id"
                      + " WHERE l.name=? AND l.deleted=0 ORDER BY b.id")) {
            ps.setString(1, labelName);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(buildRow(rs));
              }
            }
          }
          return out;
        });
  }

  /** The newest build of the label with status {@code done}. */
  public Optional<BuildRow<R>> latestDone(String labelName) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + BUILD_COLUMNS
                      + " FROM builds b JOIN labels l ON l.id=b.label_id"
                      + " WHERE l.name=? AND l.deleted=0 AND b.status='done' ORDER BY b.id DESC LIMIT 1")) {
            ps.setString(1, labelName);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(buildRow(rs)) : Optional.empty();
            }
          }
        });
  }

  /** Adds to a feed's bandit counters. */
  public void addReward(String labelName, String feed, long shown, long answered, long disagreed) {
    db.write(
        c -> {
          long labelId = labels.liveLabelId(c, labelName);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO feed_rewards(label_id, feed, shown, answered, disagreed) VALUES (?,?,?,?,?)"
                      + " ON CONFLICT(label_id, feed) DO UPDATE SET shown=shown+excluded.shown,"
                      + " answered=answered+excluded.answered, disagreed=disagreed+excluded.disagreed")) {
            ps.setLong(1, labelId);
            ps.setString(2, feed);
            ps.setLong(3, shown);
            ps.setLong(4, answered);
            ps.setLong(5, disagreed);
            return ps.executeUpdate();
          }
        });
  }

  public List<FeedReward> rewards(String labelName) {
    return db.read(
        c -> {
          List<FeedReward> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT r.feed, r.shown, r.answered, r.disagreed FROM feed_rewards r"
                      + " JOIN labels l ON l.id=r.label_id WHERE l.name=? ORDER BY r.feed")) {
            ps.setString(1, labelName);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new FeedReward(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
              }
            }
          }
          return out;
        });
  }

  private BuildRow<R> buildRow(ResultSet rs) throws SQLException {
    String finished = rs.getString(5);
    return new BuildRow<>(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        Instant.parse(rs.getString(4)),
        finished == null ? null : Instant.parse(finished),
        Documents.read(rs.getString(6), resultType));
  }
}

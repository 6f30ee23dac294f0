package org.videoannotator.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds, model versions and the auto-feed bandit's counters, stored beside the annotations. The
 * JSON documents of a build are written by the build service; this class only persists them.
 */
public final class BuildStore {
  private static final String BUILD_COLUMNS =
      "b.id, l.name, b.status, b.created, b.finished, b.result, b.training";

  private final Database db;
  private final AnnotationStore labels;

  BuildStore(Database db, AnnotationStore labels) {
    this.db = db;
    this.labels = labels;
  }

  /**
   * Records a new queued build of a live label and returns its id; {@code result} is stored as
   * JSON (the build service's status record).
   */
  public long insert(String labelName, Object result) {
    return db.write(c -> {
      long labelId = labelId(c, labelName);
      try (PreparedStatement ps = c.prepareStatement(
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
   * Stores a build's new status and documents (as JSON); {@code finished} may be null while it
   * runs, {@code training} null to keep the stored one.
   */
  public void update(long id, String status, Instant finished, Object result, Object training) {
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
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
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE builds SET status='failed', finished=?,"
              + " result=json_set(result, '$.error', ?, '$.status', 'failed', '$.stage', 'interrupted')"
              + " WHERE status IN ('queued','running')")) {
        ps.setString(1, Instant.now().toString());
        ps.setString(2, reason);
        return ps.executeUpdate();
      }
    });
  }

  public Optional<BuildRow> build(long id) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + BUILD_COLUMNS + " FROM builds b JOIN labels l ON l.id=b.label_id WHERE b.id=?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(buildRow(rs)) : Optional.empty();
        }
      }
    });
  }

  /** All builds of a live label, oldest first. */
  public List<BuildRow> builds(String labelName) {
    return db.read(c -> {
      List<BuildRow> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + BUILD_COLUMNS + " FROM builds b JOIN labels l ON l.id=b.label_id"
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
  public Optional<BuildRow> latestDone(String labelName) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + BUILD_COLUMNS + " FROM builds b JOIN labels l ON l.id=b.label_id"
              + " WHERE l.name=? AND l.deleted=0 AND b.status='done' ORDER BY b.id DESC LIMIT 1")) {
        ps.setString(1, labelName);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(buildRow(rs)) : Optional.empty();
        }
      }
    });
  }

  /**
   * Records the next model version of a label (1, 2, ...) for a build, and returns it. The caller
   * writes the model file first, so a version row never points at a missing file.
   */
  public int insertModel(String labelName, long buildId, String path, long corpusRows, Object summary) {
    return db.write(c -> {
      long labelId = labelId(c, labelName);
      int version;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT coalesce(max(version), 0) + 1 FROM model_versions WHERE label_id=?")) {
        ps.setLong(1, labelId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          version = rs.getInt(1);
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO model_versions(label_id, version, build_id, created, path, corpus_rows, summary)"
              + " VALUES (?,?,?,?,?,?,?)")) {
        ps.setLong(1, labelId);
        ps.setInt(2, version);
        ps.setLong(3, buildId);
        ps.setString(4, Instant.now().toString());
        ps.setString(5, path);
        ps.setLong(6, corpusRows);
        ps.setString(7, Documents.json(summary));
        ps.executeUpdate();
      }
      return version;
    });
  }

  /** The next model version number a label would get (for naming the file before inserting). */
  public int nextModelVersion(String labelName) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT coalesce(max(m.version), 0) + 1 FROM model_versions m JOIN labels l ON l.id=m.label_id"
              + " WHERE l.name=?")) {
        ps.setString(1, labelName);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }

  /** Model versions of a live label, oldest first. */
  public List<ModelRow> models(String labelName) {
    return db.read(c -> {
      List<ModelRow> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT m.version, m.build_id, m.created, m.path, m.corpus_rows, m.summary FROM model_versions m"
              + " JOIN labels l ON l.id=m.label_id WHERE l.name=? AND l.deleted=0 ORDER BY m.version")) {
        ps.setString(1, labelName);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new ModelRow(labelName, rs.getInt(1), rs.getLong(2), Instant.parse(rs.getString(3)),
                rs.getString(4), rs.getLong(5), rs.getString(6)));
          }
        }
      }
      return out;
    });
  }

  /** Adds to a feed's bandit counters. */
  public void addReward(String labelName, String feed, long shown, long answered, long disagreed) {
    db.write(c -> {
      long labelId = labelId(c, labelName);
      try (PreparedStatement ps = c.prepareStatement(
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
    return db.read(c -> {
      List<FeedReward> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT r.feed, r.shown, r.answered, r.disagreed FROM feed_rewards r"
              + " JOIN labels l ON l.id=r.label_id WHERE l.name=? ORDER BY r.feed")) {
        ps.setString(1, labelName);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new FeedReward(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
          }
        }
      }
      return out;
    });
  }

  private long labelId(Connection c, String labelName) throws SQLException {
    return labels.labelIn(c, labelName)
        .orElseThrow(() -> new UnknownLabelException(labelName))
        .id();
  }

  private static BuildRow buildRow(ResultSet rs) throws SQLException {
    String finished = rs.getString(5);
    return new BuildRow(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4)),
        finished == null ? null : Instant.parse(finished), rs.getString(6), rs.getString(7));
  }
}

package org.videoannotator.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema, as ordered migration steps. Step i (1-based) brings the database from version i-1 to
 * i; {@code schema_version} holds the version reached. Never edit a released step: append one.
 */
final class Migrations {
  private Migrations() {}

  static final List<List<String>> STEPS =
      List.of(
          List.of(
              """
              CREATE TABLE labels(
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                description TEXT NOT NULL DEFAULT '',
                keywords TEXT NOT NULL DEFAULT '[]',
                created TEXT NOT NULL,
                deleted INTEGER NOT NULL DEFAULT 0)""",
              """
              CREATE TABLE events(
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                label_id INTEGER NOT NULL REFERENCES labels(id),
                clip_key TEXT NOT NULL,
                value TEXT NOT NULL CHECK (value IN ('yes','no','unsure','removed')),
                annotator TEXT NOT NULL,
                time TEXT NOT NULL,
                source TEXT NOT NULL)""",
              "CREATE INDEX events_by_vote ON events(label_id, clip_key, annotator, id)",
              """
              CREATE TABLE builds(
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                label_id INTEGER NOT NULL REFERENCES labels(id),
                status TEXT NOT NULL,
                created TEXT NOT NULL,
                finished TEXT,
                result TEXT NOT NULL DEFAULT '{}',
                training TEXT NOT NULL DEFAULT '{}')""",
              """
              CREATE TABLE model_versions(
                label_id INTEGER NOT NULL REFERENCES labels(id),
                version INTEGER NOT NULL,
                build_id INTEGER NOT NULL REFERENCES builds(id),
                created TEXT NOT NULL,
                path TEXT NOT NULL,
                corpus_rows INTEGER NOT NULL,
                summary TEXT NOT NULL DEFAULT '{}',
                PRIMARY KEY(label_id, version))"""),
          List.of(
              // Feed rewards of the 'auto' bandit survive restarts.
              """
              CREATE TABLE feed_rewards(
                label_id INTEGER NOT NULL REFERENCES labels(id),
                feed TEXT NOT NULL,
                shown INTEGER NOT NULL DEFAULT 0,
                answered INTEGER NOT NULL DEFAULT 0,
                disagreed INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY(label_id, feed))"""),
          List.of(
              // The head of a label's log (max id, events after an id) in O(log n): with only
              // events_by_vote, each write's read of the head scanned the label's whole log.
              "CREATE INDEX events_by_label ON events(label_id, id)"),
          List.of(
              // Accounts (va users): roles, Argon2id hashes of their secrets; an audit trail of
              // destructive actions.
              """
              CREATE TABLE users(
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                role TEXT NOT NULL,
                secret_hash TEXT NOT NULL,
                created TEXT NOT NULL)""",
              """
              CREATE TABLE audit(
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                time TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT '')"""),
          List.of(
              // Teams: how many annotators vote on each clip of a label, and who works on it.
              """
              CREATE TABLE label_assignments(
                label_id INTEGER PRIMARY KEY REFERENCES labels(id),
                overlap INTEGER NOT NULL CHECK (overlap >= 1),
                assignees TEXT NOT NULL DEFAULT '[]',
                updated TEXT NOT NULL)"""));

  /** Current schema version of this code. */
  static int latest() {
    return STEPS.size();
  }

  /** Applies the missing steps, each in its own transaction with its version bump. */
  static void migrate(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
    }
    int version = version(c);
    if (version > latest()) {
      throw new IllegalStateException(
          "annotations.db has schema version "
              + version
              + " but this va-server knows only up to "
              + latest()
              + "; use a newer va");
    }
    for (int step = version; step < latest(); step++) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String sql : STEPS.get(step)) {
          s.execute(sql);
        }
        s.execute("DELETE FROM schema_version");
        s.execute("INSERT INTO schema_version(version) VALUES (" + (step + 1) + ")");
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}

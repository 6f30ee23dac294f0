package org.videoannotator.server.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;

/**
 * Each label's {@link Assignment} (table {@code label_assignments}), stored beside its log so it
 * survives restarts; a label without a row has {@link Assignment#DEFAULT}. A deleted label keeps
 * its row, so reviving it brings its team back with its history.
 */
public final class AssignmentStore {
  private final Database db;
  private final AnnotationStore labels;

  AssignmentStore(Database db, AnnotationStore labels) {
    this.db = db;
    this.labels = labels;
  }

  /**
   * The assignment of a live label ({@link Assignment#DEFAULT} when none was set or no such label).
   */
  public Assignment of(String labelName) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT a.overlap, a.assignees FROM label_assignments a JOIN labels l ON l.id=a.label_id"
                      + " WHERE l.name=? AND l.deleted=0")) {
            ps.setString(1, labelName);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? new Assignment(
                      rs.getInt(1),
                      AnnotationStore.fromJson(
                          rs.getString(2), new TypeReference<List<String>>() {}))
                  : Assignment.DEFAULT;
            }
          }
        });
  }

  /** Stores a live label's assignment. @throws UnknownLabelException when there is no such label */
  public Assignment set(String labelName, Assignment assignment) {
    return db.write(
        c -> {
          long labelId =
              labels
                  .labelIn(c, labelName)
                  .orElseThrow(() -> new UnknownLabelException(labelName))
                  .id();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO label_assignments(label_id, overlap, assignees, updated) VALUES (?,?,?,?)"
                      + " ON CONFLICT(label_id) DO UPDATE SET overlap=excluded.overlap, assignees=excluded.assignees,"
                      + " updated=excluded.updated")) {
            ps.setLong(1, labelId);
            ps.setInt(2, assignment.overlap());
            ps.setString(3, AnnotationStore.toJson(assignment.assignees()));
            ps.setString(4, Instant.now().toString());
            ps.executeUpdate();
          }
          return assignment;
        });
  }
}

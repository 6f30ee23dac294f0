package org.videoannotator.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The saved model versions of each label (1, 2, ...): where the model file is, how many corpus rows
 * it scored and its summary document, stored beside the builds that made them.
 */
public final class ModelVersions {
  private final Database db;
  private final AnnotationStore labels;

  ModelVersions(Database db, AnnotationStore labels) {
    this.db = db;
    this.labels = labels;
  }

  /**
   * Records the next model version of a label (1, 2, ...) for a build, and returns it. The caller
   * writes the model file first, so a version row never points at a missing file.
   */
  public int insertModel(
      String labelName, long buildId, String path, long corpusRows, Object summary) {
    return db.write(
        c -> {
          long labelId = labels.liveLabelId(c, labelName);
          int version;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT coalesce(max(version), 0) + 1 FROM model_versions WHERE label_id=?")) {
            ps.setLong(1, labelId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              version = rs.getInt(1);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
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
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
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
    return db.read(
        c -> {
          List<ModelRow> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT m.version, m.build_id, m.created, m.path, m.corpus_rows, m.summary FROM model_versions m"
                      + " JOIN labels l ON l.id=m.label_id WHERE l.name=? AND l.deleted=0 ORDER BY m.version")) {
            ps.setString(1, labelName);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new ModelRow(
                        labelName,
                        rs.getInt(1),
                        rs.getLong(2),
                        Instant.parse(rs.getString(3)),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6)));
              }
            }
          }
          return out;
        });
  }
}

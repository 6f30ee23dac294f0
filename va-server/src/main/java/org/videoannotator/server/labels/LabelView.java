package org.videoannotator.server.labels;

import java.util.List;
import org.videoannotator.server.store.Assignment;
import org.videoannotator.server.store.BuildSummary;
import org.videoannotator.server.store.Counts;
import org.videoannotator.server.store.Label;

/**
 * A label as the API shows it: stored fields, current counts, the latest finished build, and who
 * works on it (overlap: annotators per clip; assignees: empty for everyone).
 */
public record LabelView(
    String name,
    String description,
    List<String> keywords,
    String created,
    Counts counts,
    BuildSummary latestBuild,
    int overlap,
    List<String> assignees) {

  public static LabelView of(
      Label label, Counts counts, BuildSummary latestBuild, Assignment assignment) {
    return new LabelView(
        label.name(),
        label.description(),
        label.keywords(),
        label.created().toString(),
        counts,
        latestBuild,
        assignment.overlap(),
        assignment.assignees());
  }
}

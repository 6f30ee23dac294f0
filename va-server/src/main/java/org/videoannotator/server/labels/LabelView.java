package org.videoannotator.server.labels;

import java.util.List;
import org.videoannotator.server.store.BuildSummary;
import org.videoannotator.server.store.Counts;
import org.videoannotator.server.store.Label;

/** A label as the API shows it: stored fields, current counts, and the latest finished build. */
public record LabelView(
    String name, String description, List<String> keywords, String created, Counts counts,
    BuildSummary latestBuild) {

  public static LabelView of(Label label, Counts counts, BuildSummary latestBuild) {
    return new LabelView(label.name(), label.description(), label.keywords(), label.created().toString(),
        counts, latestBuild);
  }
}

package org.videoannotator.server.store;

import java.time.Instant;
import java.util.List;

/** A label (a binary concept being annotated) as stored. */
public record Label(
    long id, String name, String description, List<String> keywords, Instant created) {
  public Label {
    keywords = List.copyOf(keywords);
  }
}

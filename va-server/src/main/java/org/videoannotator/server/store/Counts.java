package org.videoannotator.server.store;

import java.util.Collection;

/** How many clips of a label currently have each consensus value. */
public record Counts(int yes, int no, int unsure) {
  public static Counts of(Collection<CurrentAnnotation> current) {
    int yes = 0;
    int no = 0;
    int unsure = 0;
    for (CurrentAnnotation a : current) {
      switch (a.value()) {
        case YES -> yes++;
        case NO -> no++;
        default -> unsure++;
      }
    }
    return new Counts(yes, no, unsure);
  }
}

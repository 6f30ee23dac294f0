package org.videoannotator.datasets;

import java.util.List;

/** An extra validation set of a label ({@code ave/validation/{label}.json}). Keys are disjoint. */
public record ValidationSet(List<String> pos, List<String> neg) {
  public ValidationSet {
    pos = List.copyOf(pos);
    neg = List.copyOf(neg);
  }

  public int size() {
    return pos.size() + neg.size();
  }
}

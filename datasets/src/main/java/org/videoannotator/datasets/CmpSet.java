package org.videoannotator.datasets;

import java.util.List;

/**
 * A label's comparison sets ({@code cmp/{label}.json}): shots drawn uniformly at random and the
 * shots ranked highest by zero-shot similarity, each labelled by the annotator majority, in rank
 * (draw) order.
 */
public record CmpSet(List<KeyValue> random, List<KeyValue> zeroShot) {
  public CmpSet {
    random = List.copyOf(random);
    zeroShot = List.copyOf(zeroShot);
  }
}

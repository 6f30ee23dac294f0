package org.videoannotator.datasets;

import java.util.List;

/**
 * One training set an expert had built at some point of a VA session ({@code
 * checkpoints/{label}.json} holds them in session order). A key is never in both lists.
 */
public record Checkpoint(List<String> pos, List<String> neg) {
  public Checkpoint {
    pos = List.copyOf(pos);
    neg = List.copyOf(neg);
  }

  public int size() {
    return pos.size() + neg.size();
  }
}

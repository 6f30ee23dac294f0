package org.videoannotator.server.store;

import java.util.List;

/**
 * Turns several annotators' votes on one clip into one value: the majority of the yes/no votes; a
 * tie goes to the most recent yes/no vote; {@code UNSURE} only when nobody said yes or no.
 */
public final class Consensus {
  private Consensus() {}

  /**
   * @param votesOldestFirst the annotators' current votes in the order they were cast
   */
  public static Value of(List<Value> votesOldestFirst) {
    int yes = 0;
    int no = 0;
    Value lastDecided = null;
    for (Value v : votesOldestFirst) {
      if (v == Value.YES) {
        yes++;
        lastDecided = v;
      } else if (v == Value.NO) {
        no++;
        lastDecided = v;
      }
    }
    if (yes == 0 && no == 0) {
      return Value.UNSURE;
    }
    if (yes != no) {
      return yes > no ? Value.YES : Value.NO;
    }
    return lastDecided;
  }
}

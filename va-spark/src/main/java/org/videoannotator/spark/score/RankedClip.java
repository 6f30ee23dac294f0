package org.videoannotator.spark.score;

import java.io.Serializable;
import java.util.Comparator;

/**
 * A scored clip with its rank priority in one feed (lower first); ties go to the smaller key, so a
 * feed does not depend on how the table is partitioned.
 */
public record RankedClip(String key, float score, double priority) implements Serializable {
  static final Comparator<RankedClip> ORDER = new Order();

  /** A class, not a lambda: feed heaps travel from executors to the driver. */
  private static final class Order implements Comparator<RankedClip>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(RankedClip a, RankedClip b) {
      int byPriority = Double.compare(a.priority(), b.priority());
      return byPriority != 0 ? byPriority : a.key().compareTo(b.key());
    }
  }
}

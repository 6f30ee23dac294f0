package org.videoannotator.datasets;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Average precision as scikit-learn's average_precision_score defines it: the sum over distinct
 * score thresholds (highest first) of (recall gain) x (precision at that threshold); tied scores
 * form one threshold. A test helper for the generator's realism checks.
 */
final class AveragePrecision {
  private AveragePrecision() {}

  static double of(List<Boolean> labels, double[] scores) {
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
    long positives = labels.stream().filter(b -> b).count();
    if (positives == 0) {
      return Double.NaN;
    }
    double ap = 0;
    double previousRecall = 0;
    int truePositives = 0;
    for (int rank = 0; rank < order.length; rank++) {
      if (labels.get(order[rank])) {
        truePositives++;
      }
      boolean lastOfTie =
          rank == order.length - 1 || scores[order[rank + 1]] != scores[order[rank]];
      if (lastOfTie) {
        double recall = (double) truePositives / positives;
        ap += (recall - previousRecall) * truePositives / (rank + 1);
        previousRecall = recall;
      }
    }
    return ap;
  }
}

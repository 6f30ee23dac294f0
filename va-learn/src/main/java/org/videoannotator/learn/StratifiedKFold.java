package org.videoannotator.learn;

/**
 * scikit-learn's {@code StratifiedKFold(n_splits, shuffle=True, random_state=seed)} fold
 * assignment: classes are numbered by order of first appearance in {@code y}; the per-fold count of
 * each class comes from dealing the class-sorted labels round robin; each class's block of fold
 * numbers is then shuffled by one {@code RandomState(seed)}, class after class.
 */
public final class StratifiedKFold {
  private StratifiedKFold() {}

  /**
   * The test fold (0..nSplits-1) of every sample.
   *
   * @throws IllegalArgumentException if a class has fewer than {@code nSplits} members, which
   *     scikit-learn only warns about for the smaller class but which would leave a fold without
   *     it; here it is refused when every class is smaller, as scikit-learn does, and allowed
   *     otherwise
   */
  public static int[] testFolds(boolean[] y, int nSplits, long seed) {
    if (nSplits < 2) {
      throw new IllegalArgumentException("need at least 2 folds, got " + nSplits);
    }
    if (y.length < nSplits) {
      throw new IllegalArgumentException(
          "cannot make " + nSplits + " folds of " + y.length + " samples");
    }
    boolean firstClass = y[0];
    int[] encoded = new int[y.length];
    int[] counts = new int[2];
    for (int i = 0; i < y.length; i++) {
      encoded[i] = y[i] == firstClass ? 0 : 1;
      counts[encoded[i]]++;
    }
    int classes = counts[1] == 0 ? 1 : 2;
    boolean allSmall = true;
    for (int k = 0; k < classes; k++) {
      allSmall &= counts[k] < nSplits;
    }
    if (allSmall) {
      throw new IllegalArgumentException(
          "n_splits="
              + nSplits
              + " cannot be greater than the number of members in each class"
              + " (class sizes "
              + counts[0]
              + ", "
              + counts[1]
              + ")");
    }
    // allocation[f][k]: members of class k in fold f, from dealing sorted labels round robin
    int[][] allocation = new int[nSplits][2];
    int position = 0;
    for (int k = 0; k < classes; k++) {
      for (int c = 0; c < counts[k]; c++) {
        allocation[position % nSplits][k]++;
        position++;
      }
    }
    NumpyRandomState rng = new NumpyRandomState(seed);
    int[] folds = new int[y.length];
    for (int k = 0; k < classes; k++) {
      int[] block = new int[counts[k]];
      int at = 0;
      for (int f = 0; f < nSplits; f++) {
        for (int c = 0; c < allocation[f][k]; c++) {
          block[at++] = f;
        }
      }
      rng.shuffle(block);
      int next = 0;
      for (int i = 0; i < y.length; i++) {
        if (encoded[i] == k) {
          folds[i] = block[next++];
        }
      }
    }
    return folds;
  }
}

package org.videoannotator.learn;

import java.lang.foreign.MemorySegment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.videoannotator.core.vectors.DotProducts;
import org.videoannotator.core.vectors.FloatMatrix;
import org.videoannotator.core.vectors.KeyIndex;

/**
 * The protocol's classifier, as scikit-learn's {@code LogisticRegressionCV(cv=StratifiedKFold(5,
 * shuffle=True, random_state=0), scoring="average_precision", max_iter=1000)} fits it: L2 logistic
 * regression for 10 values of C on {@code logspace(-4, 4)}, each fold fitting the C path in
 * ascending order with warm starts; C is chosen by the largest sum of fold APs (the first on ties,
 * and the first NaN if a fold had no positive, as numpy's argmax picks it); the final model is
 * refitted on all data at that C, starting from the mean of the folds' coefficients.
 *
 * <p>Folds run in parallel. Thread-safe: an instance holds only its options.
 */
public final class LogisticRegressionCv {
  /**
   * Which C wins when several have the same (best) summed fold AP.
   *
   * <p>{@code FIRST} is numpy's argmax, as the protocol and scikit-learn pick: the smallest C. On
   * separable sets (common early in a labelling session) every C scores AP 1, and the smallest C
   * leaves all probabilities nearly equal to the prior, so "borderline" and the ranking of the
   * feeds lose their meaning. {@code MIDDLE} takes the middle one of the tied Cs instead; the
   * server's builds use it, the replays never do.
   */
  public enum TieBreak {
    FIRST,
    MIDDLE
  }

  /**
   * The precision of the loss's gradient and line search. {@code REFERENCE}: products and sums in
   * double, as scikit-learn computes them, and the line search's {@code X d} in double: fits then
   * agree with the reference's to 1e-9 relative or better, also at large C after hundreds of
   * iterations (with {@code X d} in float they were 1e-5 apart there). {@code FAST}: summed in
   * float within blocks of 128 rows (about 1e-7 relative), quicker; the server's builds use it.
   */
  public enum Precision {
    REFERENCE,
    FAST
  }

  /** Options; {@link #defaults()} are the protocol's. */
  public record Options(
      int folds,
      double[] cs,
      long seed,
      int maxIter,
      double gtol,
      int threads,
      TieBreak tieBreak,
      Precision precision) {
    public Options(int folds, double[] cs, long seed, int maxIter, double gtol, int threads) {
      this(folds, cs, seed, maxIter, gtol, threads, TieBreak.FIRST);
    }

    /** With the {@code FAST} gradient (the server's builds). */
    public Options(
        int folds,
        double[] cs,
        long seed,
        int maxIter,
        double gtol,
        int threads,
        TieBreak tieBreak) {
      this(folds, cs, seed, maxIter, gtol, threads, tieBreak, Precision.FAST);
    }

    public Options {
      if (tieBreak == null || precision == null) {
        throw new IllegalArgumentException("tieBreak and precision must be given");
      }
      if (folds < 2) {
        throw new IllegalArgumentException("need at least 2 folds, got " + folds);
      }
      if (cs == null || cs.length == 0) {
        throw new IllegalArgumentException("need at least one C value");
      }
      for (double c : cs) {
        if (!(c > 0)) {
          throw new IllegalArgumentException("C values must be positive, got " + c);
        }
      }
      if (maxIter < 1 || threads < 1 || !(gtol > 0)) {
        throw new IllegalArgumentException(
            "bad options: maxIter=" + maxIter + " threads=" + threads + " gtol=" + gtol);
      }
      cs = cs.clone();
    }

    /** The protocol's: scikit-learn's settings and its precision. */
    public static Options defaults() {
      return new Options(
          5,
          logspace(-4, 4, 10),
          0,
          1000,
          1e-4,
          Runtime.getRuntime().availableProcessors(),
          TieBreak.FIRST,
          Precision.REFERENCE);
    }

    public Options withThreads(int n) {
      return new Options(folds, cs, seed, maxIter, gtol, n, tieBreak, precision);
    }

    public Options withTieBreak(TieBreak rule) {
      return new Options(folds, cs, seed, maxIter, gtol, threads, rule, precision);
    }

    public Options withPrecision(Precision p) {
      return new Options(folds, cs, seed, maxIter, gtol, threads, tieBreak, p);
    }
  }

  private final Options options;

  public LogisticRegressionCv() {
    this(Options.defaults());
  }

  public LogisticRegressionCv(Options options) {
    this.options = options;
  }

  public Options options() {
    return options;
  }

  /** numpy's {@code logspace(start, stop, num)}: {@code 10 ** linspace(start, stop, num)}. */
  public static double[] logspace(double start, double stop, int num) {
    double[] out = new double[num];
    double step = (stop - start) / (num - 1);
    for (int i = 0; i < num; i++) {
      double exponent = i == num - 1 ? stop : start + i * step;
      out[i] = Math.pow(10, exponent);
    }
    return out;
  }

  /**
   * Fits on the rows of {@code set} in the reference's order (sorted positives, then sorted
   * negatives), reading each key's vector from {@code matrix} through {@code keys}.
   */
  public LinearModel fit(FloatMatrix matrix, KeyIndex keys, LabelledSet set) {
    return fitExactly(matrix, keys, set).model();
  }

  /**
   * A fitted model with its coefficients as the minimiser left them (double; the model keeps float
   * weights): the replays score validation rows with these, as the reference does.
   *
   * @param model the model
   * @param coefficients the weights, then the intercept
   */
  public record Fit(LinearModel model, double[] coefficients) {}

  /** {@link #fit(FloatMatrix, KeyIndex, LabelledSet)} with the double coefficients. */
  public Fit fitExactly(FloatMatrix matrix, KeyIndex keys, LabelledSet set) {
    List<String> ordered = set.orderedKeys();
    int[] rows = new int[ordered.size()];
    for (int i = 0; i < rows.length; i++) {
      int row = keys.rowOf(ordered.get(i));
      if (row < 0) {
        throw new IllegalArgumentException(
            "label " + set.label() + ": key '" + ordered.get(i) + "' has no embedding");
      }
      rows[i] = row;
    }
    return fitRows(
        gather(matrix, rows), matrix.dim(), set.orderedLabels(), LinearModel.fingerprint(set));
  }

  /** Fits on {@code rows} of {@code matrix} with labels {@code y} (row order matters for folds). */
  public LinearModel fit(FloatMatrix matrix, int[] rows, boolean[] y, String fingerprint) {
    if (rows.length != y.length) {
      throw new IllegalArgumentException(rows.length + " rows but " + y.length + " labels");
    }
    return fitRows(gather(matrix, rows), matrix.dim(), y, fingerprint).model();
  }

  /** Rows {@code rows} of {@code matrix} copied into one row-major array. */
  static float[] gather(FloatMatrix matrix, int[] rows) {
    int dim = matrix.dim();
    float[] x = new float[Math.multiplyExact(rows.length, dim)];
    long rowBytes = (long) dim * Float.BYTES;
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] < 0 || rows[i] >= matrix.rows()) {
        throw new IndexOutOfBoundsException("row " + rows[i] + " of " + matrix);
      }
      MemorySegment.copy(matrix.segment(), matrix.layout(), rows[i] * rowBytes, x, i * dim, dim);
    }
    return x;
  }

  /** Fits on rows {@code x} with labels {@code y}; the fingerprint hashes the data itself. */
  public LinearModel fit(float[][] x, boolean[] y) {
    return fitExactly(x, y).model();
  }

  /** {@link #fit(float[][], boolean[])} with the double coefficients. */
  public Fit fitExactly(float[][] x, boolean[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " rows but " + y.length + " labels");
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("no training rows");
    }
    int dim = x[0].length;
    float[] flat = new float[Math.multiplyExact(x.length, dim)];
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != dim) {
        throw new IllegalArgumentException(
            "row " + i + " has " + x[i].length + " values, not " + dim);
      }
      System.arraycopy(x[i], 0, flat, i * dim, dim);
    }
    return fitRows(flat, dim, y, LinearModel.fingerprint(x, y));
  }

  private Fit fitRows(float[] x, int dim, boolean[] y, String fingerprint) {
    int n = y.length;
    int positives = positives(y);
    if (positives == 0 || positives == n) {
      throw new IllegalArgumentException(
          "training needs both classes, got " + positives + " positives of " + n);
    }
    checkFinite(x);
    int[] testFold = StratifiedKFold.testFolds(y, options.folds(), options.seed());
    double[][] foldScores = new double[options.folds()][];
    double[][][] foldCoefs = new double[options.folds()][][];
    runFolds(x, dim, y, testFold, foldScores, foldCoefs);

    int best = bestIndex(foldScores, options.tieBreak());
    double[] start = new double[dim + 1];
    for (double[][] path : foldCoefs) {
      addDivided(path[best], foldCoefs.length, start);
    }
    double c = options.cs()[best];
    LbfgsMinimizer.minimize(
        new LogisticLoss(x, y, dim, c, doubleGradient()),
        start,
        options.gtol(),
        LbfgsMinimizer.SCIPY_FTOL,
        options.maxIter());
    float[] weights = toFloats(start, dim);
    double[] atBest = new double[foldScores.length];
    for (int f = 0; f < foldScores.length; f++) {
      atBest[f] = foldScores[f][best];
    }
    LinearModel model =
        new LinearModel(
            weights,
            start[dim],
            c,
            options.cs(),
            foldScores,
            Stats.mean(atBest),
            Stats.std(atBest),
            positives,
            n - positives,
            fingerprint,
            Instant.now().toString());
    return new Fit(model, start);
  }

  // Loops over rows or parameters sit in small methods: while fit runs interpreted, the JIT then
  // compiles them alone, instead of compiling fit with the whole learner inlined for each loop.

  private boolean doubleGradient() {
    return options.precision() == Precision.REFERENCE;
  }

  private static int positives(boolean[] y) {
    int positives = 0;
    for (boolean b : y) {
      positives += b ? 1 : 0;
    }
    return positives;
  }

  private static void checkFinite(float[] x) {
    for (float v : x) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("training data holds a non-finite value: " + v);
      }
    }
  }

  private static float[] toFloats(double[] values, int count) {
    float[] out = new float[count];
    for (int j = 0; j < count; j++) {
      out[j] = (float) values[j];
    }
    return out;
  }

  /** {@code sum[j] += v[j] / divisor}. */
  private static void addDivided(double[] v, int divisor, double[] sum) {
    for (int j = 0; j < sum.length; j++) {
      sum[j] += v[j] / divisor;
    }
  }

  private void runFolds(
      float[] x, int dim, boolean[] y, int[] testFold, double[][] scores, double[][][] coefs) {
    List<FoldResult> results =
        ParallelRows.map(
            options.folds(), options.threads(), fold -> fitFold(x, dim, y, testFold, fold));
    for (int f = 0; f < results.size(); f++) {
      scores[f] = results.get(f).scores;
      coefs[f] = results.get(f).coefs;
    }
  }

  private record FoldResult(double[] scores, double[][] coefs) {}

  /** Fits the whole C path on the training part of one fold and scores it on the test part. */
  private FoldResult fitFold(float[] x, int dim, boolean[] y, int[] testFold, int fold) {
    int nTest = count(testFold, fold);
    int nTrain = y.length - nTest;
    float[] trainX = new float[nTrain * dim];
    boolean[] trainY = new boolean[nTrain];
    float[] testX = new float[nTest * dim];
    boolean[] testY = new boolean[nTest];
    splitFold(x, dim, y, testFold, fold, trainX, trainY, testX, testY);
    double[] cs = options.cs();
    double[] scores = new double[cs.length];
    double[][] coefs = new double[cs.length][];
    double[] w = new double[dim + 1];
    double[] decision = new double[nTest];
    int[] testOffsets = offsets(nTest, dim);
    DotProducts dots = DotProducts.best();
    for (int k = 0; k < cs.length; k++) {
      LbfgsMinimizer.minimize(
          new LogisticLoss(trainX, trainY, dim, cs[k], doubleGradient()),
          w,
          options.gtol(),
          LbfgsMinimizer.SCIPY_FTOL,
          options.maxIter());
      coefs[k] = w.clone();
      dots.dots(testX, testOffsets, nTest, w, dim, decision);
      addBias(decision, w[dim]);
      scores[k] = Metrics.averagePrecision(testY, decision);
    }
    return new FoldResult(scores, coefs);
  }

  private static int count(int[] values, int value) {
    int n = 0;
    for (int v : values) {
      n += v == value ? 1 : 0;
    }
    return n;
  }

  /** Copies the rows of {@code fold} to the test arrays and the others to the training arrays. */
  private static void splitFold(
      float[] x,
      int dim,
      boolean[] y,
      int[] testFold,
      int fold,
      float[] trainX,
      boolean[] trainY,
      float[] testX,
      boolean[] testY) {
    int tr = 0;
    int te = 0;
    for (int i = 0; i < y.length; i++) {
      if (testFold[i] == fold) {
        System.arraycopy(x, i * dim, testX, te * dim, dim);
        testY[te++] = y[i];
      } else {
        System.arraycopy(x, i * dim, trainX, tr * dim, dim);
        trainY[tr++] = y[i];
      }
    }
  }

  private static int[] offsets(int rows, int dim) {
    int[] offsets = new int[rows];
    for (int i = 0; i < rows; i++) {
      offsets[i] = i * dim;
    }
    return offsets;
  }

  private static void addBias(double[] values, double bias) {
    for (int i = 0; i < values.length; i++) {
      values[i] += bias;
    }
  }

  /** numpy's {@code argmax} of the per-C sums: the first NaN if any, else the first maximum. */
  static int bestIndex(double[][] foldScores) {
    return bestIndex(foldScores, TieBreak.FIRST);
  }

  /**
   * The chosen C's index: the first NaN sum if any (numpy's argmax), else the best sum, ties
   * (within {@value #TIE_TOLERANCE} of the best) broken by {@code rule}.
   */
  static int bestIndex(double[][] foldScores, TieBreak rule) {
    int cCount = foldScores[0].length;
    double[] sums = new double[cCount];
    double bestSum = Double.NEGATIVE_INFINITY;
    int first = 0;
    for (int k = 0; k < cCount; k++) {
      for (double[] fold : foldScores) {
        sums[k] += fold[k];
      }
      if (Double.isNaN(sums[k])) {
        return k;
      }
      if (sums[k] > bestSum) {
        bestSum = sums[k];
        first = k;
      }
    }
    if (rule == TieBreak.FIRST) {
      return first;
    }
    List<Integer> tied = new ArrayList<>();
    for (int k = 0; k < cCount; k++) {
      if (sums[k] >= bestSum - TIE_TOLERANCE) {
        tied.add(k);
      }
    }
    return tied.get(tied.size() / 2);
  }

  /** Summed fold APs this close to the best count as a tie (AP sums are at most the fold count). */
  static final double TIE_TOLERANCE = 1e-9;
}
